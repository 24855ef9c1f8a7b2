/** Reads a params file (`--params FILE`) with file:line errors. */
import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument } from "yaml";
import { BespokeInputError, diagnostic, type Diagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";
import type { PolicyParams } from "./params.js";
import { policyParamsSchema } from "./schema.js";

export function parseParams(text: string, file: string): PolicyParams {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const errs: Diagnostic[] = doc.errors.map((e) => {
    const pos = lc.linePos(e.pos[0]);
    return diagnostic(Codes.checkParamsInvalid, e.message.split("\n")[0] ?? e.message, { file, ...pos });
  });
  if (errs.length) throw new BespokeInputError(errs);
  const parsed = policyParamsSchema.safeParse(doc.toJS({ maxAliasCount: 100 }) ?? {});
  if (!parsed.success) {
    throw new BespokeInputError(
      parsed.error.issues.map((i) => {
        const node = doc.getIn(i.path as (string | number)[], true) as
          { range?: [number, number] } | undefined;
        const pos = node?.range ? lc.linePos(node.range[0]) : undefined;
        return diagnostic(
          Codes.checkParamsInvalid,
          `${i.path.join(".") || "(root)"}: ${i.message}`,
          { file, ...(pos ?? {}) },
          "see docs/check.md for the params fields",
        );
      }),
    );
  }
  return parsed.data;
}

export async function loadParams(file: string): Promise<PolicyParams> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new BespokeInputError([
      diagnostic(Codes.checkParamsInvalid, `cannot read params file ${file}`, { file }, "check the path"),
    ]);
  }
  return parseParams(text, file);
}
