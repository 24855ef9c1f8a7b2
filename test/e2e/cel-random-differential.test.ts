/**
 * Randomly generated CEL expressions (a small, mostly well-typed grammar over ints, doubles,
 * strings, bools and lists, with the operators and functions policies use), evaluated by us and by
 * Kubernetes' Go CEL (tools/cel-reference). Fixed seed; prints the number of comparisons.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonical, compileCel } from "../../src/policy/cel/index.js";
import { evaluateWithReference } from "../../bench/cel-reference.js";

const int = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map(String),
  fc.constantFrom("9223372036854775807", "-9223372036854775808", "0", "1000000007"),
);
const uint = fc.constantFrom("0u", "1u", "7u", "18446744073709551615u");
const dbl = fc.constantFrom("0.0", "-0.0", "1.5", "-2.25", "1e300", "3.0", "0.1", "1e-5", "123456789.0");
const str = fc.constantFrom(
  "''",
  "'a'",
  "'abc'",
  "'A-b_c'",
  "'😀x'",
  "'ÄÖü'",
  "' pad '",
  "'a,b,,c'",
  "'x.y.z'",
  "'10'",
  "'-3'",
  "'1.5'",
);
const bool = fc.constantFrom("true", "false");

// Mostly well-typed expressions (so most have a value), with some mixing to probe errors.
type Kinds = { i: string; d: string; s: string; b: string; l: string; any: string };
const grammar = fc.letrec<Kinds>((tie) => ({
  i: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    int,
    fc
      .tuple(tie("i"), fc.constantFrom("+", "-", "*", "/", "%"), tie("i"))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie("i").map((a) => `-(${a})`),
    tie("s").map((a) => `size(${a})`),
    tie("l").map((a) => `${a}.size()`),
    tie("d").map((a) => `int(${a})`),
    uint.map((u) => `int(${u})`),
    fc
      .tuple(tie("s"), fc.constantFrom("indexOf('a')", "lastIndexOf('b')", "indexOf('')"))
      .map(([a, m]) => `${a}.${m}`),
    fc.tuple(tie("b"), tie("i"), tie("i")).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    tie("l").map((a) => `(${a}.size() > 0 ? ${a}.max() : 0)`),
    tie("l").map((a) => `${a}.sum()`),
  ),
  d: fc.oneof(
    { depthSize: "small" },
    dbl,
    fc
      .tuple(tie("d"), fc.constantFrom("+", "-", "*", "/"), tie("d"))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie("i").map((a) => `double(${a})`),
    str.map((a) => `double(${a})`),
  ),
  s: fc.oneof(
    { depthSize: "small" },
    str,
    fc.tuple(tie("s"), tie("s")).map(([a, b]) => `(${a} + ${b})`),
    tie("i").map((a) => `string(${a})`),
    tie("d").map((a) => `string(${a})`),
    fc
      .tuple(
        tie("s"),
        fc.constantFrom(
          "lowerAscii()",
          "upperAscii()",
          "trim()",
          "substring(1)",
          "charAt(0)",
          "replace('a', 'X')",
          "replace(',', '', 1)",
          "find('[0-9]+')",
          "reverse()",
        ),
      )
      .map(([a, m]) => `${a}.${m}`),
    tie("l").map((a) => `${a}.map(x, string(x)).join('-')`),
    fc.tuple(tie("s"), fc.constantFrom("','", "''", "'.'")).map(([a, sep]) => `${a}.split(${sep}).join('|')`),
    fc.tuple(tie("s"), tie("i")).map(([a, i]) => `'%s=%d'.format([${a}, ${i}])`),
    fc.tuple(tie("b"), tie("s"), tie("s")).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
  ),
  b: fc.oneof(
    { depthSize: "small" },
    bool,
    fc
      .tuple(tie("i"), fc.constantFrom("==", "!=", "<", "<=", ">", ">="), tie("i"))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc
      .tuple(tie("i"), fc.constantFrom("==", "<", ">="), tie("d"))
      .map(([a, op, b]) => `(dyn(${a}) ${op} dyn(${b}))`),
    fc.tuple(tie("s"), fc.constantFrom("==", "<", ">"), tie("s")).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie("b"), fc.constantFrom("&&", "||", "=="), tie("b")).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie("b").map((a) => `!${a}`),
    fc
      .tuple(
        tie("s"),
        fc.constantFrom(
          "contains('a')",
          "startsWith('a')",
          "endsWith('c')",
          "matches('^[a-z]+$')",
          "matches('(?i)b')",
          "matches('[0-9]')",
        ),
      )
      .map(([a, m]) => `${a}.${m}`),
    fc.tuple(tie("i"), tie("l")).map(([a, l]) => `(${a} in ${l})`),
    fc
      .tuple(tie("l"), fc.constantFrom("all", "exists", "exists_one"), tie("i"))
      .map(([l, m, i]) => `${l}.${m}(x, x > ${i})`),
    fc.tuple(tie("l"), fc.constantFrom("all", "exists")).map(([l, m]) => `${l}.${m}(i, v, v >= i)`),
    tie("l").map((l) => `${l}.isSorted()`),
    fc.tuple(tie("l"), tie("l")).map(([a, b]) => `sets.intersects(${a}, ${b})`),
  ),
  l: fc.oneof(
    { depthSize: "small" },
    // Non-empty: the library infers no element type for `[]` where cel-go does (see ADR 0040).
    fc.array(tie("i"), { minLength: 1, maxLength: 4 }).map((xs) => `[${xs.join(", ")}]`),
    fc.tuple(tie("l"), tie("l")).map(([a, b]) => `(${a} + ${b})`),
    fc.tuple(tie("l"), tie("i")).map(([l, i]) => `${l}.map(x, x * ${i})`),
    fc.tuple(tie("l"), tie("i")).map(([l, i]) => `${l}.filter(x, x % 2 == ${i} % 2)`),
    tie("l").map((l) => `${l}.sort()`),
    tie("l").map((l) => `${l}.distinct()`),
    tie("s").map((a) => `${a}.split(',').map(x, size(x))`),
  ),
  any: fc.oneof(
    tie("i"),
    tie("d"),
    tie("s"),
    tie("b"),
    tie("l"),
    fc.tuple(int, uint, dbl, str, bool).map((xs) => `[${xs.join(", ")}]`),
  ),
}));
const expr = grammar.any;

describe("CEL: random expressions, ours vs Kubernetes' Go CEL", () => {
  it("agrees on every generated expression", () => {
    const expressions = [...new Set(fc.sample(expr, { numRuns: 4000, seed: 424242 }))];
    const reference = evaluateWithReference(expressions.map((expression) => ({ expression, variables: {} })));
    const mismatches: string[] = [];
    let values = 0;
    let skipped = 0;
    expressions.forEach((expression, i) => {
      const ref = reference[i];
      // cel-go itself fails with an internal error on a few generated expressions: no verdict.
      if (ref?.ok === false && ref.error.includes("internal error")) {
        skipped++;
        return;
      }
      const c = compileCel(expression);
      const ours = c.ok ? c.expression.evaluate({}) : { ok: false as const, error: c.error };
      const a = ours.ok ? JSON.stringify(canonical(ours.value)) : "error";
      const b = ref?.ok === true ? JSON.stringify(ref.value) : "error";
      if (b !== "error") values++;
      if (a !== b)
        mismatches.push(
          `${expression}\n  ours: ${ours.ok ? a : ours.error}\n  go:   ${ref?.ok === true ? b : ref?.error}`,
        );
    });
    console.log(
      `random CEL differential: ${expressions.length} expressions (${values} with a value in Go, ${skipped} where cel-go fails internally), ${mismatches.length} mismatches`,
    );
    if (mismatches.length > 0) console.log(mismatches.slice(0, 60).join("\n"));
    expect(mismatches).toEqual([]);
    expect(values).toBeGreaterThan(expressions.length / 5);
  }, 300_000);
});
