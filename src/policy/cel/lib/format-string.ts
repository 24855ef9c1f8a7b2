import { Optional } from "@marcbachmann/cel-js";
import { UnsignedInt } from "@marcbachmann/cel-js/evaluator";
import { fail } from "./errors.js";
import { formatDouble } from "./strings.js";

/**
 * `'…'.format([args])` of cel-go's strings extension: %s %d %f %e %x %X %o %b %% with optional
 * precision (`%.2f`). Text forms follow cel-go (lists as `[a, b]`, maps with sorted keys).
 */
export function formatString(template: string, args: unknown[]): string {
  let out = "";
  let argIndex = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    const spec = /^(?:\.(\d+))?([sdfexXob%])/.exec(template.slice(i + 1));
    if (spec === null) fail("could not parse formatting clause: unrecognized formatting clause");
    const precision = spec[1] === undefined ? undefined : Number(spec[1]);
    const verb = spec[2] as string;
    i += spec[0].length;
    if (verb === "%") {
      out += "%";
      continue;
    }
    if (argIndex >= args.length) fail(`index ${argIndex} out of range`);
    out += formatArg(verb, precision, args[argIndex++]);
  }
  return out;
}

function formatArg(verb: string, precision: number | undefined, v: unknown): string {
  switch (verb) {
    case "s":
      return stringOf(v);
    case "d":
      if (typeof v === "bigint") return v.toString();
      if (v instanceof UnsignedInt) return v.valueOf().toString();
      return fail("error during formatting: decimal clause can only be used on integers");
    case "f":
    case "e": {
      const f = toDouble(v);
      if (!Number.isFinite(f))
        return formatDouble(f).replace("+Inf", "Infinity").replace("-Inf", "-Infinity");
      if (verb === "f") return f.toFixed(precision ?? 6);
      // cel-go prints scientific notation with a real times sign and superscript exponent.
      const [m = "", e = "0"] = f.toExponential(precision ?? 6).split("e");
      const exp = Number(e);
      const digits = String(Math.abs(exp)).padStart(2, "0");
      return `${m}×10${exp < 0 ? "⁻" : ""}${[...digits].map((d) => SUPERSCRIPT[Number(d)]).join("")}`;
    }
    case "x":
    case "X": {
      let hex: string;
      if (typeof v === "bigint") hex = v < 0n ? "-" + (-v).toString(16) : v.toString(16);
      else if (v instanceof UnsignedInt) hex = v.valueOf().toString(16);
      else if (typeof v === "string") hex = Buffer.from(v, "utf8").toString("hex");
      else if (v instanceof Uint8Array) hex = Buffer.from(v).toString("hex");
      else
        return fail(
          "error during formatting: only integers, byte buffers, and strings can be formatted as hex",
        );
      return verb === "X" ? hex.toUpperCase() : hex;
    }
    case "o":
    case "b": {
      const radix = verb === "o" ? 8 : 2;
      if (typeof v === "bigint") return v < 0n ? "-" + (-v).toString(radix) : v.toString(radix);
      if (v instanceof UnsignedInt) return v.valueOf().toString(radix);
      if (verb === "b" && typeof v === "boolean") return v ? "1" : "0";
      return fail(
        `error during formatting: ${verb === "o" ? "octal" : "binary"} clause can only be used on integers`,
      );
    }
  }
  return fail("unrecognized formatting clause");
}

const SUPERSCRIPT = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];

function toDouble(v: unknown): number {
  if (typeof v === "number") return v;
  return fail("error during formatting: fixed-point clause can only be used on doubles");
}

/**
 * The text `string(v)` / `%s` gives for a CEL value, as cel-go prints it. Inside lists and maps
 * cel-go switches to its literal-like form: quoted strings, `b"…"` bytes, doubles with six
 * decimals, `timestamp("…")`; optionals are an error.
 */
export function stringOf(v: unknown, nested = false): string {
  if (typeof v === "string") return nested ? JSON.stringify(v) : v;
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") {
    if (!nested) return formatDouble(v);
    return Number.isFinite(v)
      ? v.toFixed(6).replace(/^0\.0+$/, (m) => (Object.is(v, -0) ? "-" + m : m))
      : JSON.stringify(formatDouble(v));
  }
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v === null || v === undefined) return "null";
  if (v instanceof UnsignedInt) return v.valueOf().toString();
  if (v instanceof Uint8Array) {
    const text = Buffer.from(v).toString("utf8");
    return nested ? `b${JSON.stringify(text)}` : text;
  }
  if (v instanceof Date) {
    const text = v.toISOString().replace(".000Z", "Z");
    return nested ? `timestamp(${JSON.stringify(text)})` : text;
  }
  if (Array.isArray(v)) return `[${v.map((x) => stringOf(x, true)).join(", ")}]`;
  if (v instanceof Optional)
    return fail(
      "error during formatting: string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps",
    );
  if (typeof v === "object" && (v as { constructor?: { celTypeName?: string } }).constructor?.celTypeName) {
    return String(v);
  }
  if (typeof v === "object") {
    const pairs: [string, string][] =
      v instanceof Map
        ? [...(v as Map<unknown, unknown>).entries()].map(([k, x]) => [stringOf(k, true), stringOf(x, true)])
        : Object.entries(v).map(([k, x]) => [JSON.stringify(k), stringOf(x, true)]);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return `{${pairs.map(([k, x]) => `${k}:${x}`).join(", ")}}`;
  }
  return String(v);
}
