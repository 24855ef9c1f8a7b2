import { z } from "zod";
import { LineCounter, parseAllDocuments } from "yaml";
import { diagnostic, type Diagnostic } from "../core/diagnostics.js";
import { Codes } from "../core/codes.js";
import { parseYamlDocument, type LocatedDocument } from "../core/yaml-locate.js";
import { Platform, apiVersion } from "./schema.js";
import { closest } from "../core/closest.js";

export type ParseResult =
  | { readonly ok: true; readonly platform: Platform; readonly source: LocatedDocument }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Pure: platform.yaml text → a validated Platform, or every problem at once with file:line:col. */
export function parsePlatform(text: string, file: string): ParseResult {
  if (text.trim() === "") {
    return fail([
      diagnostic(
        Codes.specEmpty,
        "the file is empty",
        { file },
        "run `bespoke init --profile MBU --out " + file + "`",
      ),
    ]);
  }
  const docs = parseAllDocuments(text);
  if (Array.isArray(docs) && docs.length > 1) {
    const lc = new LineCounter();
    parseAllDocuments(text, { lineCounter: lc });
    const second = docs[1]?.range[0] ?? 0;
    return fail([
      diagnostic(
        Codes.specMultipleDocuments,
        "platform.yaml holds more than one YAML document",
        { file, line: lc.linePos(second).line },
        "keep one Platform per file",
      ),
    ]);
  }
  const source = parseYamlDocument(text, file);
  const diags: Diagnostic[] = [];
  for (const e of [...source.doc.errors]) {
    const pos = e.linePos?.[0];
    const dup = e.code === "DUPLICATE_KEY";
    diags.push(
      diagnostic(
        dup ? Codes.yamlDuplicateKey : Codes.yamlSyntax,
        dup ? "duplicate key: " + firstLine(e.message) : "YAML syntax: " + firstLine(e.message),
        { file, ...(pos ? { line: pos.line, col: pos.col } : {}) },
        dup ? "remove one of the two entries" : "fix the YAML syntax at this position",
      ),
    );
  }
  if (diags.length > 0) return fail(diags);
  let data: unknown;
  try {
    data = source.doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return fail([
      diagnostic(
        Codes.yamlSyntax,
        "YAML: " + firstLine((e as Error).message),
        { file },
        "remove the aliases",
      ),
    ]);
  }
  const parsed = Platform.safeParse(data);
  if (!parsed.success) return fail(parsed.error.issues.flatMap((i) => issueToDiagnostics(i, source)));
  return { ok: true, platform: parsed.data, source };
}

function fail(diagnostics: Diagnostic[]): ParseResult {
  return { ok: false, diagnostics };
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

function dotted(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
}

function issueToDiagnostics(issue: z.core.$ZodIssue, src: LocatedDocument): Diagnostic[] {
  const path = issue.path;
  const where = dotted(path) || "(document)";
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedKeysAt(path);
    return issue.keys.map((k) => {
      const guess = closest(k, allowed);
      return diagnostic(
        Codes.specUnknownField,
        `unknown field "${k}" in ${where}`,
        src.locateKey(path, k),
        guess ? `did you mean "${guess}"?` : `allowed here: ${allowed.join(", ")}`,
      );
    });
  }
  const loc = src.locate(path);
  const exists = src.doc.hasIn(path as unknown[]);
  if (!exists) {
    return [diagnostic(Codes.specInvalid, `${where} is required`, loc, hintFor(path))];
  }
  if (path.length === 1 && path[0] === "apiVersion") {
    return [
      diagnostic(
        Codes.specInvalid,
        `apiVersion must be "${apiVersion}"`,
        loc,
        `write apiVersion: ${apiVersion}`,
      ),
    ];
  }
  return [diagnostic(Codes.specInvalid, `${where}: ${issue.message}`, loc, hintFor(path))];
}

function hintFor(path: readonly PropertyKey[]): string {
  const key = String(path[path.length - 1] ?? "");
  const hints: Record<string, string> = {
    targetGroup: "use SUP (small company), MBU (medium business unit) or ENT (enterprise)",
    kind: "write kind: Platform",
    name: "a lower-case DNS label such as acme-platform",
    provisioning: "use api or bare-metal",
    provider: "use vsphere, openstack, metal3 or none",
    component: "see `bespoke catalog list` for ids",
    reason: "say in a sentence why you override the plan",
  };
  return (
    hints[key] ?? "see schemas/platform.schema.json or `bespoke init --profile MBU --out platform.yaml --yes`"
  );
}

/** Keys the schema allows at `path`, for "did you mean" hints. */
function allowedKeysAt(path: readonly PropertyKey[]): string[] {
  let s: z.ZodType = Platform;
  for (const seg of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) {
      const next = (s.shape as Record<string, z.ZodType>)[String(seg)];
      if (!next) return [];
      s = next;
    } else if (s instanceof z.ZodArray) {
      s = s.element as z.ZodType;
    } else return [];
  }
  s = unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape).sort() : [];
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault) cur = cur.unwrap() as z.ZodType;
  return cur;
}
