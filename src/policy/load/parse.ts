/**
 * Pure manifest parsing: text → objects with their positions (docs/adr/0060-two-library-loader.md).
 *
 * The fast path parses with js-yaml's event parser, which is an order of magnitude faster than the
 * `yaml` library, and takes positions from the events' source offsets. It only accepts what it can
 * reproduce exactly: any text with anchors, aliases, tags, directives, explicit keys, a BOM or lone
 * CRs, any js-yaml error, any document that is not a mapping with apiVersion and kind, and List kinds
 * all go to the reference parser in parse-yaml.ts, so errors, alias limits and List items keep
 * exactly that path's codes, messages and positions. Field positions (`locate`) are computed lazily
 * from a re-parse of the events, kept for the last few files only, so memory stays bounded.
 */
import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, type Event } from "js-yaml";
import type { Document, LineCounter, Node } from "yaml";
import { yamlLib } from "./yaml-lib.js";
import {
  helmMarker,
  parseManifestsWithYaml,
  yamlOptions,
  type LoadedObject,
  type ParseResult,
  type Position,
} from "./parse-yaml.js";
import type { KubeObject } from "../vap/types.js";

export {
  looksBinary,
  maxAliasCount,
  parseManifestsWithYaml,
  type LoadedObject,
  type ParseResult,
  type Position,
} from "./parse-yaml.js";

/**
 * Text the fast path leaves to `yaml`. Conservative on purpose (false positives only cost speed):
 * anchors, aliases and tags (`&a`, `*a`, `!t` where a node may start), directives (`%YAML 1.1`
 * changes the schema), explicit keys (`? `), `__proto__` keys, a BOM, lone CRs (line counting).
 */
const slowPathText = /(?:^|[\s[{,:])[&*!]|^%|(?:^|[\s[{,])\?(?:\s|$)|__proto__|\uFEFF|\r(?!\n)/m;

/** Whether parseManifests sends this text straight to the `yaml` path (exported for tests). */
export function needsYamlPath(text: string): boolean {
  return slowPathText.test(text) || helmMarker.test(text);
}

export interface ParseOptions {
  /**
   * Keep the parse state `locate` needs with the objects themselves, freed with them, instead of
   * rebuilding it on demand for the last few files: for callers that locate fields right after
   * parsing and then drop the objects (a check, source by source).
   */
  readonly keepParseState?: boolean;
}

export function parseManifests(text: string, file: string, options: ParseOptions = {}): ParseResult {
  if (!needsYamlPath(text)) {
    const fast = parseFast(text, file, options.keepParseState === true);
    if (fast) return { objects: fast, errors: [] };
  }
  return parseManifestsWithYaml(text, file);
}

/** Offsets where lines start, as yaml's LineCounter records them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** yaml's LineCounter.linePos, on the same table. */
function linePos(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  if (starts[low] === offset) return { line: low + 1, col: 1 };
  if (low === 0) return { line: 0, col: offset };
  return { line: low, col: offset - (starts[low - 1] as number) + 1 };
}

/** One file's text and the lazily rebuilt parse state its objects' `locate` needs. */
interface Source {
  readonly text: string;
  /** Its state stays with it (ParseOptions.keepParseState) rather than in `recent`. */
  readonly kept: boolean;
  starts: number[] | undefined;
  events: Event[] | undefined;
  docs: Document.Parsed[] | undefined;
  lc: LineCounter | undefined;
}

// Only the most recently located files keep their events (checks locate file after file).
const recent: Source[] = [];
const keepRecent = 4;
function touch(src: Source): void {
  if (src.kept) return;
  const i = recent.indexOf(src);
  if (i === 0) return;
  if (i > 0) recent.splice(i, 1);
  recent.unshift(src);
  for (const old of recent.splice(keepRecent)) {
    old.events = undefined;
    old.docs = undefined;
    old.lc = undefined;
  }
}

function startsOf(src: Source): number[] {
  return (src.starts ??= lineStarts(src.text));
}

function parseFast(text: string, file: string, keep: boolean): LoadedObject[] | undefined {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, {});
    values = constructFromEvents(events, { source: text });
  } catch {
    return undefined; // the yaml path reports the error with its own code and position
  }
  if (!plainStringKeys(events, text)) return undefined;
  const src: Source = {
    text,
    kept: keep,
    starts: undefined,
    events: keep ? events : undefined,
    docs: undefined,
    lc: undefined,
  };
  const objects: LoadedObject[] = [];
  let doc = -1;
  for (let i = 0; i < events.length; i++) {
    if ((events[i] as Event).type !== EVENT_ID.DOCUMENT) continue;
    doc++;
    const value = values[doc];
    if (value === null || value === undefined) continue;
    const root = events[i + 1] as Event;
    if (root.type !== EVENT_ID.MAPPING || typeof value !== "object" || Array.isArray(value)) return undefined;
    const obj = value as KubeObject;
    if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string" || obj.kind === "")
      return undefined;
    if (obj.kind.endsWith("List") && Array.isArray((obj as { items?: unknown }).items)) return undefined;
    const p = linePos(startsOf(src), root.start);
    objects.push({ file, line: p.line, col: p.col, object: obj, locate: locator(src, i + 1, root.start) });
  }
  if (doc + 1 !== values.length) return undefined;
  return objects;
}

/**
 * Whether every mapping key is a string or a plain scalar the core schema reads as a string. Keys
 * like `~`, `null`, `1.0` or `.inf` become different JS property names in the two libraries.
 */
function plainStringKeys(events: readonly Event[], text: string): boolean {
  // Per open collection: mapping → index of the next item (even = key); sequence → -1.
  const stack: number[] = [];
  for (const e of events) {
    const top = stack.length - 1;
    const isKey = top >= 0 && (stack[top] as number) >= 0 && (stack[top] as number) % 2 === 0;
    if (top >= 0 && (stack[top] as number) >= 0 && e.type !== EVENT_ID.POP)
      stack[top] = (stack[top] as number) + 1;
    if (e.type === EVENT_ID.MAPPING) {
      if (isKey) return false;
      stack.push(0);
    } else if (e.type === EVENT_ID.SEQUENCE) {
      if (isKey) return false;
      stack.push(-1);
    } else if (e.type === EVENT_ID.POP) {
      stack.pop();
    } else if (isKey && e.type === EVENT_ID.SCALAR) {
      if (e.style === 1 && (e.valueStart < 0 || plainNonString.test(getScalarValue(text, e)))) return false;
    } else if (isKey) return false;
  }
  return true;
}

const unsure = Symbol("unsure");

function locator(
  src: Source,
  rootEvent: number,
  rootOffset: number,
): (path: readonly (string | number)[]) => Position | undefined {
  return (path) => {
    touch(src);
    src.events ??= parseEvents(src.text, {});
    const offset = findOffset(src.events, src.text, rootEvent, path);
    if (offset === unsure) return locateWithYaml(src, rootOffset, path);
    return offset === undefined ? undefined : linePos(startsOf(src), offset);
  };
}

/** Index just past the node that starts at event i. */
function skip(events: readonly Event[], i: number): number {
  const t = (events[i] as Event).type;
  if (t !== EVENT_ID.MAPPING && t !== EVENT_ID.SEQUENCE) return i + 1;
  let depth = 0;
  for (let j = i; j < events.length; j++) {
    const u = (events[j] as Event).type;
    if (u === EVENT_ID.MAPPING || u === EVENT_ID.SEQUENCE) depth++;
    else if (u === EVENT_ID.POP && --depth === 0) return j + 1;
  }
  return events.length;
}

// Plain scalars that the YAML 1.2 core schema does not read as strings.
const plainNonString =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))?$/;

/**
 * The source offset yaml's `getIn(path, true)` node would have, walking the events; `unsure` where
 * the event offsets do not give it exactly (block scalars, empty values, keys that are not strings).
 */
function findOffset(
  events: readonly Event[],
  text: string,
  start: number,
  path: readonly (string | number)[],
): number | undefined | typeof unsure {
  let i = start;
  for (const seg of path) {
    const e = events[i] as Event;
    if (e.type === EVENT_ID.MAPPING) {
      if (typeof seg !== "string") return unsure;
      let j = i + 1;
      let found = -1;
      while (j < events.length && (events[j] as Event).type !== EVENT_ID.POP) {
        const k = events[j] as Event;
        const v = skip(events, j);
        if (k.type === EVENT_ID.SCALAR) {
          const key = getScalarValue(text, k);
          if (key === seg) {
            if (k.style === 1 && plainNonString.test(key)) return unsure;
            found = v;
            break;
          }
        } else if (k.type !== EVENT_ID.MAPPING && k.type !== EVENT_ID.SEQUENCE) return unsure;
        j = skip(events, v);
      }
      if (found < 0) return undefined;
      i = found;
    } else if (e.type === EVENT_ID.SEQUENCE) {
      // yaml's asItemIndex: a number, or a string that converts to a non-negative integer.
      const idx = typeof seg === "string" && seg !== "" ? Number(seg) : seg;
      if (typeof idx !== "number" || !Number.isInteger(idx) || idx < 0) return undefined;
      let j = i + 1;
      for (let n = 0; n < idx; n++) {
        if (j >= events.length || (events[j] as Event).type === EVENT_ID.POP) return undefined;
        j = skip(events, j);
      }
      if (j >= events.length || (events[j] as Event).type === EVENT_ID.POP) return undefined;
      i = j;
    } else {
      return e.type === EVENT_ID.SCALAR ? undefined : unsure;
    }
  }
  const target = events[i] as Event;
  if (target.type === EVENT_ID.MAPPING || target.type === EVENT_ID.SEQUENCE) return target.start;
  if (target.type !== EVENT_ID.SCALAR || target.valueStart < 0) return unsure;
  if (target.style === 1) return target.valueStart;
  if (target.style === 2 || target.style === 3) return target.valueStart - 1; // the opening quote
  return unsure;
}

/** The reference answer: yaml's located document, built for this file only when needed. */
function locateWithYaml(
  src: Source,
  rootOffset: number,
  path: readonly (string | number)[],
): Position | undefined {
  if (!src.docs || !src.lc) {
    const { LineCounter, parseAllDocuments } = yamlLib();
    src.lc = new LineCounter();
    src.docs = parseAllDocuments(src.text, { lineCounter: src.lc, ...yamlOptions }) as Document.Parsed[];
  }
  const root = src.docs.find((d) => (d.contents as Node | null)?.range?.[0] === rootOffset)?.contents;
  if (!root || !yamlLib().isMap(root)) return undefined;
  const target = root.getIn(path as (string | number)[], true) as Node | undefined;
  const r = (target as { range?: [number, number, number] } | undefined)?.range;
  if (!r) return undefined;
  const p = src.lc.linePos(r[0]);
  return { line: p.line, col: p.col };
}
