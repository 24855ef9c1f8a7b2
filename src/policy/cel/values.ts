import { Optional } from "@marcbachmann/cel-js";
import { UnsignedInt } from "@marcbachmann/cel-js/evaluator";

/**
 * Conversion between plain data (parsed YAML/JSON) and CEL values. CEL keeps int and double apart,
 * JS numbers do not: integers become BigInt (CEL int), other numbers stay doubles. Parse YAML with
 * `{ intAsBigInt: true }` to keep `1.0` a double; otherwise an integral number is read as int,
 * which is what the apiserver does for fields typed as integers.
 */
export interface ToCelOptions {
  /** "int-if-integral" (default): 3 → int, 3.5 → double. "double": every JS number is a double
   * (use when integers already arrive as bigint, e.g. YAML parsed with intAsBigInt). */
  numbers?: "int-if-integral" | "double";
}

export function toCel(value: unknown, options: ToCelOptions = {}): unknown {
  return options.numbers === "double" ? convertDouble(value) : convertInt(value);
}

// Two copies of one walk, one per number mode, with no per-call closures: every request converts
// its whole object. Object.keys keeps Object.entries' keys (own, enumerable, string); Array.map
// keeps holes as holes.
function convertInt(value: unknown): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
    case "bigint":
      return value;
    case "number":
      return Number.isSafeInteger(value) ? BigInt(value) : value;
    case "object":
      if (value === null) return null;
      if (Array.isArray(value)) return value.map(convertInt as (v: unknown) => unknown);
      if (value instanceof Date || value instanceof Uint8Array) return value;
      return convertObject(value as Record<string, unknown>, convertInt);
    default:
      return null;
  }
}

function convertDouble(value: unknown): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
    case "bigint":
    case "number":
      return value;
    case "object":
      if (value === null) return null;
      if (Array.isArray(value)) return value.map(convertDouble as (v: unknown) => unknown);
      if (value instanceof Date || value instanceof Uint8Array) return value;
      return convertObject(value as Record<string, unknown>, convertDouble);
    default:
      return null;
  }
}

function convertObject(
  value: Record<string, unknown>,
  convert: (v: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    out[k] = convert(value[k]);
  }
  return out;
}

/**
 * JSON.parse that keeps `1` an int (BigInt, exact beyond 2^53) and `1.0`/`1e3` doubles, the way
 * Kubernetes decodes unstructured objects. Uses the reviver's `context.source` (Node ≥ 22).
 */
export function parseJsonForCel(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) => {
    if (typeof value === "number" && context?.source !== undefined) {
      const src = context.source;
      if (/^-?\d+$/.test(src)) {
        const big = BigInt(src);
        if (big >= -(2n ** 63n) && big < 2n ** 63n) return big;
      }
    }
    return value;
  });
}

/** A JSON-able, type-tagged form of a CEL value; the same shape the Go reference prints. */
export type Canonical =
  | null
  | boolean
  | string
  | Canonical[]
  | { int: string }
  | { uint: string }
  | { double: number | string }
  | { bytes: string }
  | { map: [Canonical, Canonical][] }
  | { optional: Canonical; none?: true }
  | { duration: string }
  | { timestamp: string }
  | { type: string }
  | { opaque: string; string: string };

export function canonical(value: unknown): Canonical {
  switch (typeof value) {
    case "boolean":
    case "string":
      return value;
    case "bigint":
      return { int: value.toString() };
    case "number":
      if (Number.isNaN(value)) return { double: "NaN" };
      if (value === Infinity) return { double: "+Inf" };
      if (value === -Infinity) return { double: "-Inf" };
      return { double: value };
    case "undefined":
      return null;
  }
  if (value === null) return null;
  if (value instanceof UnsignedInt) return { uint: value.valueOf().toString() };
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString("base64") };
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Optional) {
    return value.hasValue() ? { optional: canonical(value.value()) } : { optional: null, none: true };
  }
  if (value instanceof Date) return { timestamp: value.toISOString().replace(".000Z", "Z") };
  // The library's type values print as "Type<int>"; cel-go names null's type null_type.
  const tag = Object.prototype.toString.call(value);
  if (tag.startsWith("[object Type<")) {
    const name = tag.slice("[object Type<".length, -2);
    return { type: name === "null" ? "null_type" : name };
  }
  const named = value as { constructor?: { celTypeName?: string }; toString(): string };
  if (typeof named.constructor?.celTypeName === "string") {
    return { opaque: named.constructor.celTypeName, string: named.toString() };
  }
  const entries: [Canonical, Canonical][] =
    value instanceof Map
      ? [...(value as Map<unknown, unknown>).entries()].map(([k, v]) => [canonical(k), canonical(v)])
      : Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, canonical(v)]);
  entries.sort((a, b) => compareStrings(JSON.stringify(a[0]), JSON.stringify(b[0])));
  return { map: entries };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
