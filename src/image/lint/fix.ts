import { wellKnownUsers, type ImageConfig } from "../config.js";
import type { DockerfileModel, Step } from "./dockerfile-model.js";

export interface LineEdit {
  /** 1-based line replaced as a whole. */
  readonly line: number;
  readonly before: string;
  readonly after: string;
  readonly ruleId: string;
}

/**
 * The mechanical fixes `--fix` previews: numeric USER, exec-form CMD/ENTRYPOINT, digest pin from
 * the config. Only single-line instructions are rewritten; anything needing judgement is left alone.
 */
export function planFixes(source: string, model: DockerfileModel, config: ImageConfig): LineEdit[] {
  const lines = source.split("\n");
  const edits = new Map<number, LineEdit>();
  const edit = (step: Step, ruleId: string, replacement: string): void => {
    const r = step.argsRange;
    if (!r || r.startLine !== r.endLine || step.line !== step.endLine) return;
    const before = lines[r.startLine - 1];
    if (before === undefined) return;
    const after = before.slice(0, r.startCol - 1) + replacement + before.slice(r.endCol - 1);
    if (after !== before) edits.set(r.startLine, { line: r.startLine, before, after, ruleId });
  };
  const last = model.stages[model.stages.length - 1];
  for (const stage of model.stages) {
    if (stage.ref && stage.ref.digest === undefined) {
      const digest = config.digests[stage.ref.raw];
      const fromText = stage.from.text;
      if (digest && stage.image === stage.ref.raw && fromText.includes(stage.ref.raw)) {
        edit(stage.from, "base-not-pinned", fromText.replace(stage.ref.raw, `${stage.ref.raw}@${digest}`));
      }
    }
    if (stage !== last) continue;
    for (const step of stage.steps) {
      if (step.keyword === "USER") {
        const u = step.text.trim();
        const numeric = numericUser(u, config);
        if (numeric && numeric !== u) edit(step, "user-not-numeric", numeric);
      }
      if ((step.keyword === "CMD" || step.keyword === "ENTRYPOINT") && !step.exec) {
        const argv = plainWords(step.text);
        if (argv) edit(step, "shell-form-cmd", `[${argv.map((a) => JSON.stringify(a)).join(", ")}]`);
      }
    }
  }
  return [...edits.values()].sort((a, b) => a.line - b.line);
}

function numericUser(user: string, config: ImageConfig): string | undefined {
  const [name = "", group] = user.split(":");
  if (/^\d+$/.test(name) && (group === undefined || /^\d+$/.test(group))) return undefined;
  if (name === "root") return undefined;
  const mapped = config.users[user] ?? config.users[name] ?? wellKnownUsers[name];
  if (!mapped) return undefined;
  if (group !== undefined && /^\d+$/.test(group)) return `${mapped.split(":")[0] ?? mapped}:${group}`;
  return mapped.includes(":") ? mapped : `${mapped}:${mapped}`;
}

/** Words of a shell-form command when splitting them needs no shell (no quotes, variables, operators). */
export function plainWords(text: string): string[] | undefined {
  const t = text.trim();
  if (t === "" || /[\\'"`$|&;<>(){}*?[\]~#\n]/.test(t)) return undefined;
  return t.split(/\s+/);
}

/** Applies line edits to the text. */
export function applyEdits(source: string, edits: readonly LineEdit[]): string {
  const lines = source.split("\n");
  for (const e of edits) lines[e.line - 1] = e.after;
  return lines.join("\n");
}

/** A unified diff (3 lines of context) of line-for-line edits, as `git apply` reads it. */
export function unifiedDiff(file: string, source: string, edits: readonly LineEdit[]): string {
  if (edits.length === 0) return "";
  const lines = source.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const context = 3;
  const hunks: LineEdit[][] = [];
  for (const e of edits) {
    const cur = hunks[hunks.length - 1];
    const prev = cur?.[cur.length - 1];
    if (cur && prev && e.line - prev.line <= 2 * context) cur.push(e);
    else hunks.push([e]);
  }
  const label = file.replace(/^\/+/, "");
  const out = [`--- a/${label}`, `+++ b/${label}`];
  for (const h of hunks) {
    const first = h[0];
    const lastEdit = h[h.length - 1];
    if (!first || !lastEdit) continue;
    const start = Math.max(1, first.line - context);
    const end = Math.min(lines.length, lastEdit.line + context);
    const count = end - start + 1;
    out.push(`@@ -${start},${count} +${start},${count} @@`);
    const byLine = new Map(h.map((e) => [e.line, e]));
    for (let n = start; n <= end; n++) {
      const e = byLine.get(n);
      if (e) out.push(`-${e.before}`, `+${e.after}`);
      else out.push(` ${lines[n - 1] ?? ""}`);
    }
  }
  return out.join("\n") + "\n";
}
