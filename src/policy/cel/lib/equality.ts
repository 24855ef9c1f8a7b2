import { UnsignedInt } from "@marcbachmann/cel-js/evaluator";

/** CEL equality (numeric types compare by value across int/uint/double) and ordering. */
export function celEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined && nb !== undefined) return compareNumbers(na, nb) === 0;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => celEquals(x, b[i]));
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  const eq = (a as { celEquals?: (o: unknown) => boolean }).celEquals;
  if (typeof eq === "function") return eq.call(a, b);
  const ea = entries(a);
  const eb = entries(b);
  if (ea === undefined || eb === undefined || ea.length !== eb.length) return false;
  const mb = new Map(eb);
  return ea.every(([k, v]) => mb.has(k) && celEquals(v, mb.get(k)));
}

function entries(v: object): [unknown, unknown][] | undefined {
  if (v instanceof Map) return [...(v as Map<unknown, unknown>).entries()];
  if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)
    return Object.entries(v);
  return undefined;
}

function numeric(v: unknown): bigint | number | undefined {
  if (typeof v === "bigint" || typeof v === "number") return v;
  if (v instanceof UnsignedInt) return v.valueOf();
  return undefined;
}

function compareNumbers(a: bigint | number, b: bigint | number): number {
  if (typeof a === "number" && Number.isNaN(a)) return NaN;
  if (typeof b === "number" && Number.isNaN(b)) return NaN;
  // Mixed int/double comparisons are exact as in cel-go: compare as doubles unless both bigints.
  if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Ordering for `<` on comparable CEL values; throws on incomparable types. */
export function celCompare(a: unknown, b: unknown): number {
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined && nb !== undefined) return compareNumbers(na, nb);
  if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b);
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  const cmp = (a as { celCompare?: (o: unknown) => number } | null)?.celCompare;
  if (typeof cmp === "function") return cmp.call(a, b);
  throw new Error("no such overload");
}

/** Strings order by code point in CEL (UTF-8 byte order); JS `<` orders UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
