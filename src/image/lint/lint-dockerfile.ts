import { diagnostic, type Diagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";
import type { Finding } from "../../report/index.js";
import { ruleById } from "../rules/catalog.js";
import type { ImageConfig } from "../config.js";
import { readDockerfile, type DockerfileModel } from "./dockerfile-model.js";
import { lintModel, type RawFinding } from "./dockerfile-rules.js";
import { isSuppressed, readSuppressions } from "./suppressions.js";

export interface DockerfileLintResult {
  readonly findings: Finding[];
  /** Set when the file cannot be linted at all (empty, binary): exit 2. */
  readonly error: Diagnostic | undefined;
  readonly model: DockerfileModel | undefined;
}

/** Lints one Dockerfile's text; pure. `file` is only used to label findings. */
export function lintDockerfile(file: string, source: string, config: ImageConfig): DockerfileLintResult {
  const unusable = checkReadable(file, source);
  if (unusable) return { findings: [], error: unusable, model: undefined };
  const model = readDockerfile(source);
  const raw = lintModel(model, { allowedRegistries: config.allowedRegistries });
  const lines = model.stages.flatMap((s) => [s.from.line, ...s.steps.map((x) => x.line)]);
  const { suppressions, problems } = readSuppressions(model.comments, lines);
  const kept = raw.filter((f) => !isSuppressed(f, suppressions));
  return { findings: toFindings(file, [...kept, ...problems], config), error: undefined, model };
}

export function toFindings(file: string, raw: readonly RawFinding[], config: ImageConfig): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const f of raw) {
    const meta = ruleById.get(f.ruleId);
    const override = config.rules[f.ruleId];
    if (override === "off") continue;
    const severity = override ?? meta?.severity ?? "error";
    const key = `${f.ruleId}\u0000${f.line}\u0000${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ruleId: f.ruleId,
      severity,
      message: f.message,
      file,
      ...(f.line > 0 ? { line: f.line } : {}),
    });
  }
  return out;
}

/** Empty and binary files are bad input, not Dockerfiles with findings. */
export function checkReadable(file: string, source: string): Diagnostic | undefined {
  if (source.includes("\u0000")) {
    return diagnostic(
      Codes.imageDockerfileBinary,
      "file is binary, not a Dockerfile",
      { file, line: 1 },
      "point image lint at a Dockerfile or a directory holding one",
    );
  }
  if (source.trim() === "") {
    return diagnostic(
      Codes.imageDockerfileEmpty,
      "Dockerfile is empty",
      { file, line: 1 },
      "add at least a FROM instruction",
    );
  }
  return undefined;
}
