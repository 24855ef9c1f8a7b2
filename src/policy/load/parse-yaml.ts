/**
 * The reference manifest parser, on the `yaml` library: text → objects with their positions. Every
 * problem becomes a Diagnostic with file:line:col; good documents of a file are kept even when
 * another document is broken. parse.ts tries a faster path first and falls back to this one for
 * anything unusual (anchors, tags, errors, Lists, ...), so this file defines the behaviour.
 */
import type { Document, Node } from "yaml";
import { yamlLib } from "./yaml-lib.js";
import { diagnostic, type Diagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";
import type { KubeObject } from "../vap/types.js";

export interface Position {
  readonly line: number;
  readonly col: number;
}

export interface LoadedObject {
  readonly file: string;
  /** Position of the object's first key. */
  readonly line: number;
  readonly col: number;
  readonly object: KubeObject;
  /** Finds a field inside this object; undefined when the path does not exist. */
  readonly locate: (path: readonly (string | number)[]) => Position | undefined;
}

export interface ParseResult {
  readonly objects: LoadedObject[];
  readonly errors: Diagnostic[];
}

export const maxAliasCount = 100;

/** How manifests are parsed with `yaml` (besides the line counter). */
export const yamlOptions = { uniqueKeys: true, prettyErrors: false, strict: true } as const;

// Go templates ({{ .Values.x }}, {{- include ... }}) make a file a Helm chart template, not a manifest.
export const helmMarker = /\{\{-?\s*(\.|\$|include\b|template\b|if\b|range\b|with\b|define\b|toYaml\b|-\s)/;

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export function parseManifestsWithYaml(text: string, file: string): ParseResult {
  const { LineCounter, parseAllDocuments } = yamlLib();
  const lc = new LineCounter();
  const objects: LoadedObject[] = [];
  const errors: Diagnostic[] = [];
  const pos = (offset: number): Position => {
    const p = lc.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const helm = helmMarker.exec(text);
  if (helm) {
    // The line counter fills while parsing, so parse once just to place the error on its line.
    parseAllDocuments(text, { lineCounter: lc });
    const p = pos(helm.index);
    return {
      objects,
      errors: [
        diagnostic(
          Codes.checkHelmTemplate,
          "this is a Helm template, not a manifest",
          { file, ...p },
          "render it first (helm template NAME CHART | bespoke check -) and check the output",
        ),
      ],
    };
  }
  const docs = parseAllDocuments(text, { lineCounter: lc, ...yamlOptions });
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) {
    errors.push(diagnostic(Codes.checkYamlSyntax, "not a YAML stream", { file }));
  }
  for (const doc of list) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const dup = e.code === "DUPLICATE_KEY";
        errors.push(
          diagnostic(
            dup ? Codes.checkDuplicateKey : Codes.checkYamlSyntax,
            firstLine(e.message),
            { file, ...pos(e.pos[0]) },
            dup ? "remove or rename one of the keys: Kubernetes keeps only one" : "fix the YAML syntax",
          ),
        );
      }
      continue;
    }
    collect(doc, file, pos, objects, errors);
  }
  return { objects, errors };
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

function collect(
  doc: Document.Parsed,
  file: string,
  pos: (offset: number) => Position,
  objects: LoadedObject[],
  errors: Diagnostic[],
): void {
  const root = doc.contents;
  if (root === null) return; // empty document between separators
  const rootPos = pos(root.range[0]);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (err) {
    errors.push(
      diagnostic(
        Codes.checkAliasLimit,
        `document expands too many aliases (${err instanceof Error ? firstLine(err.message) : "alias limit"})`,
        { file, ...rootPos },
        `a YAML alias bomb, or more than ${maxAliasCount} aliases; write the values out`,
      ),
    );
    return;
  }
  if (value === null || value === undefined) return;
  if (!yamlLib().isMap(root) || typeof value !== "object" || Array.isArray(value)) {
    errors.push(
      diagnostic(Codes.checkNotAnObject, "document is not a Kubernetes object (expected a mapping)", {
        file,
        ...rootPos,
      }),
    );
    return;
  }
  const obj = value as KubeObject;
  const items = (obj as { items?: unknown }).items;
  if (typeof obj.kind === "string" && obj.kind.endsWith("List") && Array.isArray(items)) {
    const seq = root.get("items", true);
    items.forEach((item, i) => {
      const node = yamlLib().isSeq(seq) ? (seq.items[i] as Node | undefined) : undefined;
      const p = node?.range ? pos(node.range[0]) : rootPos;
      add(item, node, p, file, pos, objects, errors);
    });
    return;
  }
  add(obj, root, rootPos, file, pos, objects, errors);
}

function add(
  value: unknown,
  node: Node | undefined,
  p: Position,
  file: string,
  pos: (offset: number) => Position,
  objects: LoadedObject[],
  errors: Diagnostic[],
): void {
  const obj = value as KubeObject;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    errors.push(diagnostic(Codes.checkNotAnObject, "list item is not a Kubernetes object", { file, ...p }));
    return;
  }
  if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string" || obj.kind === "") {
    errors.push(
      diagnostic(
        Codes.checkNotAnObject,
        "document has no apiVersion/kind, so it is not a Kubernetes object",
        { file, ...p },
        "add apiVersion and kind, or leave non-manifest YAML (values files, configs) out of the paths checked",
      ),
    );
    return;
  }
  objects.push({
    file,
    line: p.line,
    col: p.col,
    object: obj,
    locate: (path) => {
      if (!node || !yamlLib().isMap(node)) return undefined;
      const target = node.getIn(path as (string | number)[], true) as Node | undefined;
      // Scalars come back as Scalar nodes with a range; a missing path gives undefined.
      const r = (target as { range?: [number, number, number] } | undefined)?.range;
      return r ? pos(r[0]) : undefined;
    },
  });
}
