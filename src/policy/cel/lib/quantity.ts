import type { Environment } from "@marcbachmann/cel-js";
import { fail } from "./errors.js";

/**
 * Kubernetes resource.Quantity for CEL (`quantity('1Gi')`, `isQuantity`, comparisons, arithmetic).
 * The value is kept exact as `units / 10^scale` with BigInt, so `1Gi` vs `1G` or `100m` vs `0.1`
 * compare like the apiserver's inf.Dec arithmetic; parsing rounds finer than nano up, as
 * resource.ParseQuantity does.
 */
export class Quantity {
  static readonly celTypeName = "kubernetes.Quantity";
  readonly units: bigint;
  readonly scale: number;
  readonly text: string;
  /**
   * The apiserver's compact int64 form (`value × 10^scale`), when its parser or arithmetic keeps
   * one. Only this form converts to an integer: `1.0` or `1000m` are not "integers" for
   * isInteger()/asInteger(), although their values are whole.
   */
  readonly int64: Int64Amount | undefined;

  constructor(units: bigint, scale: number, text: string, int64: Int64Amount | undefined) {
    this.units = units;
    this.scale = scale;
    this.text = text;
    this.int64 = int64;
  }

  toString(): string {
    return this.text;
  }

  compare(other: Quantity): number {
    const s = Math.max(this.scale, other.scale);
    const a = this.units * 10n ** BigInt(s - this.scale);
    const b = other.units * 10n ** BigInt(s - other.scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  celEquals(other: unknown): boolean {
    return other instanceof Quantity && this.compare(other) === 0;
  }

  celCompare(other: unknown): number {
    if (!(other instanceof Quantity)) return fail("no such overload");
    return this.compare(other);
  }

  plus(other: Quantity, sign: 1n | -1n): Quantity {
    const s = Math.max(this.scale, other.scale);
    const units =
      this.units * 10n ** BigInt(s - this.scale) + sign * other.units * 10n ** BigInt(s - other.scale);
    const int64 =
      this.int64 !== undefined && other.int64 !== undefined
        ? addInt64(this.int64, { value: sign * other.int64.value, scale: other.int64.scale })
        : undefined;
    return normalized(units, s, int64);
  }

  asInt64(): bigint | undefined {
    const a = this.int64;
    if (a === undefined || a.scale < 0) return undefined;
    const v = a.value * 10n ** BigInt(a.scale);
    return v > MAX_INT || v < MIN_INT ? undefined : v;
  }
}

export interface Int64Amount {
  value: bigint;
  scale: number;
}

const MAX_INT = 2n ** 63n - 1n;
const MIN_INT = -(2n ** 63n);
const fits = (v: bigint): boolean => v <= MAX_INT && v >= MIN_INT;

// resource.int64Amount.Add: align to the smaller scale; any int64 overflow leaves the fast form.
function addInt64(a: Int64Amount, b: Int64Amount): Int64Amount | undefined {
  if (b.value === 0n) return a;
  if (a.value === 0n) return b;
  const scale = Math.min(a.scale, b.scale);
  const av = a.value * 10n ** BigInt(a.scale - scale);
  const bv = b.value * 10n ** BigInt(b.scale - scale);
  if (!fits(av) || !fits(bv) || !fits(av + bv)) return undefined;
  return { value: av + bv, scale };
}

function normalized(units: bigint, scale: number, int64: Int64Amount | undefined): Quantity {
  let u = units;
  let s = scale;
  while (s > 0 && u % 10n === 0n) {
    u /= 10n;
    s--;
  }
  const int = u / 10n ** BigInt(s);
  const frac = s === 0 ? "" : (u < 0n ? -u : u).toString().padStart(s, "0").slice(-s);
  const text = s === 0 ? int.toString() : `${u < 0n && int === 0n ? "-" : ""}${int}.${frac}`;
  return new Quantity(u, s, text, int64);
}

const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const SHAPE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

export function parseQuantity(text: string): Quantity | undefined {
  const m = SHAPE.exec(text);
  if (m === null) return undefined;
  const [, sign = "", number = "", suffix = ""] = m;
  const [whole = "", fraction = ""] = number.split(".");
  const negative = sign === "-";
  const digits = BigInt((whole || "0") + fraction) * (negative ? -1n : 1n);
  const binary = BINARY[suffix];
  const exponent =
    binary !== undefined ? 0 : (DECIMAL[suffix] ?? (/^[eE]/.test(suffix) ? Number(suffix.slice(1)) : NaN));
  if (Number.isNaN(exponent) || Math.abs(exponent) > 1000) return undefined;

  // resource.ParseQuantity keeps a compact int64 form when the digits are few enough.
  let int64: Int64Amount | undefined;
  if (binary !== undefined) {
    const power = Number(binary.toString(2).length - 1);
    const precision = 15 - whole.length - Math.trunc((power * 3) / 10) - 1;
    if (fraction.length === 0 && precision >= 0 && fits(digits * binary))
      int64 = { value: digits * binary, scale: 0 };
  } else {
    const precision = 18 - (whole.length + fraction.length);
    const scale = exponent - fraction.length;
    if (precision >= 0 && scale >= -9) int64 = { value: digits, scale };
  }

  let units = binary !== undefined ? digits * binary : digits;
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  if (int64 === undefined) {
    if (scale > 9) {
      // Round away from zero to nano, like resource.ParseQuantity.
      const div = 10n ** BigInt(scale - 9);
      const q = units / div;
      units = units % div === 0n ? q : q + (units < 0n ? -1n : 1n);
      scale = 9;
    }
    // …and cap the magnitude at the int64 maximum.
    const cap = MAX_INT * 10n ** BigInt(scale);
    if (units > cap) units = cap;
    if (units < -cap) units = -cap;
  }
  return new Quantity(units, scale, text, int64);
}

export function registerQuantity(env: Environment): void {
  env.registerType("kubernetes.Quantity", Quantity);
  const fn = (sig: string, handler: (...args: never[]) => unknown): void => {
    env.registerFunction(sig, handler as (...args: unknown[]) => unknown);
  };
  fn("isQuantity(string): bool", (s: string) => parseQuantity(s) !== undefined);
  fn(
    "quantity(string): kubernetes.Quantity",
    (s: string) =>
      parseQuantity(s) ??
      fail("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
  );
  const Q = "kubernetes.Quantity";
  // `sign()` is not in the apiserver's environment as of k8s.io/apiserver v0.34 (the differential
  // oracle rejects it), so it is not offered here either.
  fn(`${Q}.isGreaterThan(${Q}): bool`, (a: Quantity, b: Quantity) => a.compare(b) > 0);
  fn(`${Q}.isLessThan(${Q}): bool`, (a: Quantity, b: Quantity) => a.compare(b) < 0);
  fn(`${Q}.compareTo(${Q}): int`, (a: Quantity, b: Quantity) => BigInt(a.compare(b)));
  fn(`${Q}.add(${Q}): ${Q}`, (a: Quantity, b: Quantity) => a.plus(b, 1n));
  const fromInt = (b: bigint): Quantity => new Quantity(b, 0, b.toString(), { value: b, scale: 0 });
  fn(`${Q}.add(int): ${Q}`, (a: Quantity, b: bigint) => a.plus(fromInt(b), 1n));
  fn(`${Q}.sub(${Q}): ${Q}`, (a: Quantity, b: Quantity) => a.plus(b, -1n));
  fn(`${Q}.sub(int): ${Q}`, (a: Quantity, b: bigint) => a.plus(fromInt(b), -1n));
  fn(`${Q}.isInteger(): bool`, (q: Quantity) => q.asInt64() !== undefined);
  fn(`${Q}.asInteger(): int`, (q: Quantity) => q.asInt64() ?? fail("cannot convert value to integer"));
  fn(`${Q}.asApproximateFloat(): double`, (q: Quantity) => Number(q.units) / 10 ** q.scale);
  env.registerOperator(`${Q} == ${Q}`, (a: Quantity, b: Quantity) => a.compare(b) === 0);
}
