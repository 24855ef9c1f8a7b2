import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument } from "yaml";
import { BespokeInputError, diagnostic, type Diagnostic } from "../core/diagnostics.js";
import { Codes } from "../core/codes.js";
import { imageConfigSchema, normaliseConfig, defaultImageConfig, type ImageConfig } from "./config.js";
import { isRuleId } from "./rules/catalog.js";

/** Reads `--config FILE` (YAML or JSON); every problem is reported with its line. */
export async function loadImageConfig(file: string | undefined): Promise<ImageConfig> {
  if (file === undefined) return defaultImageConfig;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new BespokeInputError([
      diagnostic(
        Codes.imageConfigInvalid,
        `cannot read config: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
        { file },
        "check the --config path",
      ),
    ]);
  }
  return parseImageConfig(file, text);
}

export function parseImageConfig(file: string, text: string): ImageConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { file };
    const p = lc.linePos(offset);
    return { file, line: p.line, col: p.col };
  };
  const problems: Diagnostic[] = doc.errors.map((e) =>
    diagnostic(
      Codes.imageConfigInvalid,
      e.message.split("\n")[0] ?? e.message,
      at(e.pos[0]),
      "fix the YAML syntax",
    ),
  );
  if (problems.length > 0) throw new BespokeInputError(problems);
  let value: unknown = doc.toJS() ?? {};
  // The policy library's PolicyParams file can be given as is: only its trustedRegistries apply here.
  if (isPolicyParams(value)) value = { trustedRegistries: value.trustedRegistries ?? [] };
  const parsed = imageConfigSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      const keyPath = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : path.join(".");
      problems.push(
        diagnostic(
          Codes.imageConfigInvalid,
          `${keyPath || "(root)"}: ${issue.message}`,
          at(node?.range?.[0]),
          "keys: allowedRegistries (or trustedRegistries), digests, rules, users",
        ),
      );
    }
    throw new BespokeInputError(problems);
  }
  const unknownRules = Object.keys(parsed.data.rules ?? {}).filter((r) => !isRuleId(r));
  if (unknownRules.length > 0) {
    throw new BespokeInputError(
      unknownRules.map((r) => {
        const node = doc.getIn(["rules", r], true) as { range?: [number, number, number] } | undefined;
        return diagnostic(
          Codes.imageConfigInvalid,
          `rules: unknown rule id "${r}"`,
          at(node?.range?.[0]),
          "list rule ids with `bespoke image lint --explain all`",
        );
      }),
    );
  }
  return normaliseConfig(parsed.data);
}

function isPolicyParams(v: unknown): v is { trustedRegistries?: string[] } {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "PolicyParams";
}
