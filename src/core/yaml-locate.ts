import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { SourceLocation } from "./diagnostics.js";

/**
 * Parses one YAML document keeping positions, so every later error (schema, semantics) can point at
 * file:line:col. Duplicate keys and syntax errors are reported by the `yaml` library itself.
 */
export interface LocatedDocument {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  readonly file: string;
  /** Location of the value at `path`, or of the closest existing parent. */
  locate(path: readonly PropertyKey[]): SourceLocation;
  /** Location of the key of `key` inside the map at `path` (for unknown-field errors). */
  locateKey(path: readonly PropertyKey[], key: string): SourceLocation;
}

export function parseYamlDocument(text: string, file: string): LocatedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined): SourceLocation => {
    if (offset === undefined) return { file };
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, col: p.col };
  };
  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    let node: unknown = doc.contents;
    let last: Node | undefined = isNode(node) ? node : undefined;
    for (const seg of path) {
      if (isMap(node)) node = node.get(String(seg), true);
      else if (isSeq(node)) node = node.get(Number(seg), true);
      else break;
      if (isNode(node)) last = node;
      else break;
    }
    return last;
  };
  return {
    doc,
    lineCounter,
    file,
    locate: (path) => at(nodeAt(path)?.range?.[0]),
    locateKey: (path, key) => {
      const parent = nodeAt(path);
      if (isMap(parent)) {
        for (const pair of parent.items) {
          if (isScalar(pair.key) && String(pair.key.value) === key) return at(pair.key.range?.[0]);
        }
      }
      return at(parent?.range?.[0]);
    },
  };
}

function isNode(x: unknown): x is Node {
  return typeof x === "object" && x !== null && "range" in x;
}
