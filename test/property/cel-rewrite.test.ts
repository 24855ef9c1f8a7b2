import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonical, compileCel } from "../../src/policy/cel/index.js";
import { kubernetesEnvironment } from "../../src/policy/cel/environment.js";
import { rewrite } from "../../src/policy/cel/rewrite.js";

/** Integer arithmetic expression with its exact value under CEL rules (undefined = error). */
interface Arith {
  text: string;
  value: bigint | undefined;
}

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;
const inRange = (v: bigint | undefined): bigint | undefined =>
  v === undefined || v < MIN || v > MAX ? undefined : v;

const space = fc.constantFrom("", " ", "  ");
const arith: fc.Arbitrary<Arith> = fc.letrec<{ e: Arith }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.bigInt({ min: 0n, max: 20n }).map((n) => ({ text: n.toString(), value: n })),
    fc
      .tuple(tie("e"), fc.constantFrom("+", "-", "*", "/", "%"), tie("e"), space, space)
      .map(([a, op, b, s1, s2]) => {
        let value: bigint | undefined;
        if (a.value !== undefined && b.value !== undefined) {
          const [x, y] = [a.value, b.value];
          if (op === "+") value = x + y;
          else if (op === "-") value = x - y;
          else if (op === "*") value = x * y;
          else if (y !== 0n) value = op === "/" ? x / y : x % y; // BigInt truncates toward zero like CEL
        }
        return { text: `(${s1}${a.text}${s2}${op}${s1}${b.text}${s2})`, value: inRange(value) };
      }),
    tie("e").map((a) => ({ text: `(${a.text})`, value: a.value })),
  ),
})).e;

describe("CEL rewrite", () => {
  it("keeps the meaning of integer arithmetic (division and modulo go through our checked functions)", () => {
    fc.assert(
      fc.property(arith, (a) => {
        const c = compileCel(a.text);
        // Errors of constant expressions surface at compile time (cel-go folds constants).
        const r = c.ok ? c.expression.evaluate({}) : { ok: false as const, error: c.error };
        if (a.value === undefined) expect(r.ok).toBe(false);
        else expect(r.ok ? canonical(r.value) : r.error).toEqual({ int: a.value.toString() });
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("leaves expressions without Kubernetes-specific calls byte-identical", () => {
    const ident = fc.constantFrom("object", "oldObject", "params");
    const path = fc
      .tuple(ident, fc.array(fc.constantFrom("spec", "metadata", "name", "x"), { maxLength: 3 }))
      .map(([r, p]) => [r, ...p].join("."));
    const literal = fc.oneof(
      fc.integer({ min: 0, max: 99 }).map(String),
      fc.constantFrom("'a'", '"😀"', "1.5", "true", "null", "b'x'"),
    );
    const expr = fc
      .tuple(path, fc.constantFrom("==", "!=", "<", ">=", "&&", "||", "+", "in"), literal, space)
      .map(([p, op, l, s]) => {
        const gap = op === "in" && s === "" ? " " : s;
        return `${p}${gap}${op}${gap}${l}`;
      });
    fc.assert(
      fc.property(expr, (text) => {
        const ast = kubernetesEnvironment().parse(text).ast;
        expect(rewrite(ast, text).source).toBe(text);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
