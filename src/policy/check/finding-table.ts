/**
 * Findings as a string table plus numbers: what a runner builds while it checks and sends to the
 * main thread. A check can have hundreds of thousands of findings that repeat a few hundred
 * messages and identities, so rows of indices are cheap to send between threads (one typed array
 * and a short list of strings) and, unpacked with an Interner, cheap to keep. Every check finding
 * has a line, a column and an object.
 */
import type { Finding, FindingObject, Severity } from "../../report/finding.js";

const width = 7; // ruleId severity message file line col identity
const identityWidth = 5; // apiVersion kind namespace name container
const none = -1;

export interface FindingTable {
  readonly strings: readonly string[];
  readonly rows: Int32Array<ArrayBuffer>;
  /** The objects findings name, as string indices (none where a field is absent). */
  readonly identities: readonly number[];
}

/**
 * Where placed findings go: an array (the in-memory check) or a table (a runner's chunk). Fields,
 * not a Finding, so a table never builds the object it is about to flatten.
 */
export interface FindingSink {
  add(
    ruleId: string,
    severity: Severity,
    message: string,
    file: string,
    line: number,
    col: number,
    object: FindingObject,
  ): void;
}

/** An array sink that keeps one copy of each message (a check repeats a few hundred of them). */
export function internedArraySink(into: Finding[], interner: Interner): FindingSink {
  return {
    add: (ruleId, severity, message, file, line, col, object) =>
      void into.push({ ruleId, severity, message: interner.string(message), file, line, col, object }),
  };
}

export function arraySink(into: Finding[]): FindingSink {
  return {
    add: (ruleId, severity, message, file, line, col, object) =>
      void into.push({ ruleId, severity, message, file, line, col, object }),
  };
}

export class FindingTableBuilder implements FindingSink {
  private readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  private rows = new Int32Array(width * 64);
  private length = 0;
  // Findings of one object (and container) share their identity object; placeFindings does that.
  private readonly identityIndex = new Map<FindingObject, number>();
  private readonly identities: number[] = [];

  private id(s: string | undefined): number {
    if (s === undefined) return none;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  add(
    ruleId: string,
    severity: Severity,
    message: string,
    file: string,
    line: number,
    col: number,
    object: FindingObject,
  ): void {
    if (this.length + width > this.rows.length) {
      const bigger = new Int32Array(this.rows.length * 2);
      bigger.set(this.rows);
      this.rows = bigger;
    }
    const r = this.rows;
    const o = this.length;
    r[o] = this.id(ruleId);
    r[o + 1] = this.id(severity);
    r[o + 2] = this.id(message);
    r[o + 3] = this.id(file);
    r[o + 4] = line;
    r[o + 5] = col;
    r[o + 6] = this.identity(object);
    this.length += width;
  }

  private identity(o: FindingObject): number {
    let i = this.identityIndex.get(o);
    if (i === undefined) {
      i = this.identities.length / identityWidth;
      this.identities.push(
        this.id(o.apiVersion),
        this.id(o.kind),
        this.id(o.namespace),
        this.id(o.name),
        this.id(o.container),
      );
      this.identityIndex.set(o, i);
    }
    return i;
  }

  build(): FindingTable {
    return { strings: this.strings, rows: this.rows.slice(0, this.length), identities: this.identities };
  }
}

/** Shares equal strings and identities across every table unpacked with it. */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly identities = new Map<string, FindingObject>();

  string(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  identity(parts: readonly (string | undefined)[]): FindingObject {
    const key = parts.map((p) => (p === undefined ? "\u0001" : p)).join("\u0000");
    let o = this.identities.get(key);
    if (o === undefined) {
      const [apiVersion, kind, namespace, name, container] = parts;
      o = {
        ...(apiVersion !== undefined ? { apiVersion } : {}),
        ...(kind !== undefined ? { kind } : {}),
        ...(namespace !== undefined ? { namespace } : {}),
        ...(name !== undefined ? { name } : {}),
        ...(container !== undefined ? { container } : {}),
      };
      this.identities.set(key, o);
    }
    return o;
  }
}

export function unpackFindings(table: FindingTable, interner: Interner, into: Finding[]): void {
  const strings = table.strings.map((s) => interner.string(s));
  const str = (i: number): string | undefined => (i === none ? undefined : strings[i]);
  const ids = table.identities;
  const objects: FindingObject[] = [];
  for (let i = 0; i < ids.length; i += identityWidth)
    objects.push(interner.identity(ids.slice(i, i + identityWidth).map((n) => str(n))));
  const r = table.rows;
  for (let o = 0; o < r.length; o += width) {
    const line = r[o + 4] as number;
    const col = r[o + 5] as number;
    const object = objects[r[o + 6] as number] as FindingObject;
    into.push({
      ruleId: str(r[o] as number) as string,
      severity: str(r[o + 1] as number) as Severity,
      message: str(r[o + 2] as number) as string,
      file: str(r[o + 3] as number) as string,
      line,
      col,
      object,
    });
  }
}
