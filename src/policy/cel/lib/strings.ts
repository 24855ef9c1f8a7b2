import type { Environment } from "@marcbachmann/cel-js";
import { chargeLength } from "../cost.js";
import { codePoints, hasSurrogates } from "./codepoints.js";
import { UnsignedInt } from "@marcbachmann/cel-js/evaluator";
import { fail, MAX_INT } from "./errors.js";

type UnsignedIntLike = { valueOf(): bigint };

const TWO_63 = 2 ** 63;
import { formatString, stringOf } from "./format-string.js";

/**
 * cel-go's strings extension as Kubernetes enables it, with code-point indexing and Go's
 * strings.SplitN/Replace/TrimSpace semantics. Registered under `__k8s_` names: the parsed
 * expression's calls are renamed to these (rewrite.ts) because the library's own built-ins of the
 * same names cannot be replaced.
 */

// Go's unicode.IsSpace.
const GO_SPACE = "[\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";
const TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, "g");

// cel-go: an empty needle returns the offset as given; a negative offset is an error; an offset at
// or past the end finds nothing.
function indexOf(s: string, sub: string, from: bigint): bigint {
  chargeLength(s.length);
  if (sub === "") return from;
  if (from < 0n) fail(`index out of range: ${from}`);
  if (!hasSurrogates(s) && !hasSurrogates(sub)) {
    return from >= BigInt(s.length) ? -1n : BigInt(s.indexOf(sub, Number(from)));
  }
  const cps = codePoints(s);
  if (from >= BigInt(cps.length)) return -1n;
  const subCps = codePoints(sub);
  for (let i = Number(from); i + subCps.length <= cps.length; i++) {
    if (cps.slice(i, i + subCps.length).join("") === sub) return BigInt(i);
  }
  return -1n;
}

function lastIndexOf(s: string, sub: string, from: bigint | undefined): bigint {
  chargeLength(s.length);
  const cps = codePoints(s);
  if (sub === "") return from ?? BigInt(cps.length);
  if (from !== undefined && from < 0n) fail(`index out of range: ${from}`);
  if (from !== undefined && from >= BigInt(cps.length)) return -1n;
  const subCps = codePoints(sub);
  const offset = from === undefined ? cps.length : Number(from);
  for (let i = Math.min(offset, cps.length - subCps.length); i >= 0; i--) {
    if (cps.slice(i, i + subCps.length).join("") === sub) return BigInt(i);
  }
  return -1n;
}

function asciiCase(s: string, lower: boolean): string {
  chargeLength(s.length);
  return s.replace(lower ? /[A-Z]+/g : /[a-z]+/g, (m) => (lower ? m.toLowerCase() : m.toUpperCase()));
}

function replaceN(s: string, from: string, to: string, n: bigint): string {
  chargeLength(s.length);
  if (n === 0n || from === to) return s;
  if (from === "") {
    // Go inserts `to` before every code point and at the end, up to n times.
    const cps = codePoints(s);
    let out = "";
    let done = 0n;
    for (let i = 0; i <= cps.length; i++) {
      if (n < 0n || done < n) {
        out += to;
        done++;
      }
      out += cps[i] ?? "";
    }
    return out;
  }
  if (n < 0n) return s.split(from).join(to);
  const parts = s.split(from);
  const limit = Number(n < BigInt(parts.length) ? n : BigInt(parts.length));
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i++) out += (i <= limit ? to : from) + (parts[i] ?? "");
  return out;
}

function splitN(s: string, sep: string, n: bigint): string[] {
  chargeLength(s.length);
  if (n === 0n) return [];
  if (sep === "") {
    const cps = codePoints(s);
    if (n < 0n || n >= BigInt(cps.length)) return cps;
    const k = Number(n);
    return [...cps.slice(0, k - 1), cps.slice(k - 1).join("")];
  }
  const parts = s.split(sep);
  if (n < 0n || n >= BigInt(parts.length)) return parts;
  const k = Number(n);
  return [...parts.slice(0, k - 1), parts.slice(k - 1).join(sep)];
}

function substring(s: string, start: bigint, end: bigint | undefined): string {
  const cps = hasSurrogates(s) ? codePoints(s) : undefined;
  const length = cps?.length ?? s.length;
  const e = end === undefined ? length : Number(end);
  if (start < 0n || start > BigInt(length)) fail(`index out of range: ${start}`);
  if (end !== undefined && (end < 0n || end > BigInt(length))) fail(`index out of range: ${end}`);
  if (Number(start) > e) fail(`invalid substring range. start: ${start}, end: ${e}`);
  return cps ? cps.slice(Number(start), e).join("") : s.slice(Number(start), e);
}

function charAt(s: string, i: bigint): string {
  const cps = hasSurrogates(s) ? codePoints(s) : undefined;
  const length = cps?.length ?? s.length;
  if (i < 0n || i > BigInt(length)) fail(`index out of range: ${i}`);
  const k = Number(i);
  return (cps ? cps[k] : s[k]) ?? "";
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64), which cel-go's string(double) uses. */
export function formatDouble(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (f === Infinity) return "+Inf";
  if (f === -Infinity) return "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const [mantissa = "", expText = "0"] = f.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${mantissa}e${exp < 0 ? "-" : "+"}${abs < 10 ? "0" : ""}${abs}`;
  }
  return String(f);
}

export function registerStrings(env: Environment): void {
  const fn = (sig: string, handler: (...args: never[]) => unknown): void => {
    env.registerFunction(sig, handler as (...args: unknown[]) => unknown);
  };
  fn("string.__k8s_charAt(int): string", charAt);
  fn("string.__k8s_indexOf(string): int", (s: string, sub: string) => indexOf(s, sub, 0n));
  fn("string.__k8s_indexOf(string, int): int", indexOf);
  fn("string.__k8s_lastIndexOf(string): int", (s: string, sub: string) => lastIndexOf(s, sub, undefined));
  fn("string.__k8s_lastIndexOf(string, int): int", lastIndexOf);
  fn("string.__k8s_lowerAscii(): string", (s: string) => asciiCase(s, true));
  fn("string.__k8s_upperAscii(): string", (s: string) => asciiCase(s, false));
  fn("string.__k8s_replace(string, string): string", (s: string, a: string, b: string) =>
    replaceN(s, a, b, -1n),
  );
  fn("string.__k8s_replace(string, string, int): string", replaceN);
  fn("string.__k8s_split(string): list<string>", (s: string, sep: string) => splitN(s, sep, -1n));
  fn("string.__k8s_split(string, int): list<string>", splitN);
  fn("string.__k8s_substring(int): string", (s: string, a: bigint) => substring(s, a, undefined));
  fn("string.__k8s_substring(int, int): string", substring);
  fn("string.__k8s_trim(): string", (s: string) => s.replace(TRIM, ""));
  fn("list<string>.__k8s_join(): string", (l: string[]) => l.join(""));
  fn("list<string>.__k8s_join(string): string", (l: string[], sep: string) => l.join(sep));
  fn("string.__k8s_format(list): string", formatString);
  fn("__k8s_strings_quote(string): string", (s: string) => JSON.stringify(s));
  // cel-go has string() for these types only (not for lists or maps).
  for (const t of [
    "string",
    "int",
    "uint",
    "double",
    "bool",
    "bytes",
    "google.protobuf.Timestamp",
    "google.protobuf.Duration",
    "net.IP",
    "net.CIDR",
  ]) {
    fn(`__k8s_string(${t}): string`, (v: unknown) => stringOf(v));
  }
  registerIntConversions(env);
  // Go's strconv.ParseFloat: decimal (with `_` separators), inf/infinity/nan; no spaces, no hex.
  const FLOAT = /^[+-]?(?:(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;
  fn("__k8s_double(double): double", (v: number) => v);
  fn("__k8s_double(int): double", (v: bigint) => Number(v));
  fn("__k8s_double(uint): double", (v: UnsignedIntLike) => Number(v.valueOf()));
  fn("__k8s_double(string): double", (v: string) => {
    if (!FLOAT.test(v) || /(^|[^\d])_|_($|[^\d])/.test(v))
      fail("type conversion error from 'string' to 'double'");
    const t = v
      .replaceAll("_", "")
      .toLowerCase()
      .replace(/^([+-]?)inf(inity)?$/, "$1Infinity");
    return t === "nan" ? NaN : Number(t);
  });
}

/** `int(…)` with cel-go's range checks (the library's int(double) does not reject overflow). */
function registerIntConversions(env: Environment): void {
  env.registerFunction("__k8s_int(int): int", (v: bigint) => v);
  const MIN = -MAX_INT - 1n;
  env.registerFunction("__k8s_div(int, int): int", (a: bigint, b: bigint) => {
    if (b === 0n) fail("division by zero");
    if (a === MIN && b === -1n) fail("integer overflow");
    return a / b;
  });
  env.registerFunction("__k8s_mod(int, int): int", (a: bigint, b: bigint) => {
    if (b === 0n) fail("modulus by zero");
    if (a === MIN && b === -1n) fail("integer overflow");
    return a % b;
  });
  env.registerFunction("__k8s_div(uint, uint): uint", (a: UnsignedIntLike, b: UnsignedIntLike) => {
    if (b.valueOf() === 0n) fail("division by zero");
    return new UnsignedInt(a.valueOf() / b.valueOf());
  });
  env.registerFunction("__k8s_mod(uint, uint): uint", (a: UnsignedIntLike, b: UnsignedIntLike) => {
    if (b.valueOf() === 0n) fail("modulus by zero");
    return new UnsignedInt(a.valueOf() % b.valueOf());
  });
  env.registerFunction("__k8s_div(double, double): double", (a: number, b: number) => a / b);
  env.registerFunction("__k8s_int(uint): int", (v: { valueOf(): bigint }) => {
    const n = v.valueOf();
    return n > MAX_INT ? fail("integer overflow") : n;
  });
  env.registerFunction("__k8s_int(double): int", (v: number) => {
    // cel-go: the truncated value must lie strictly inside (-2^63, 2^63).
    if (!Number.isFinite(v) || v <= -TWO_63 || v >= TWO_63) fail("integer overflow");
    return BigInt(Math.trunc(v));
  });
  env.registerFunction("__k8s_int(string): int", (v: string) => {
    if (!/^[+-]?\d+$/.test(v)) fail(`type conversion error from 'string' to 'int'`);
    const n = BigInt(v);
    return n > MAX_INT || n < -MAX_INT - 1n ? fail("integer overflow") : n;
  });
  env.registerFunction("__k8s_int(google.protobuf.Timestamp): int", (v: Date) =>
    BigInt(Math.floor(v.getTime() / 1000)),
  );
}
