import { describe, expect, it } from "vitest";
import { canonical, compileCel, CostMeter, toCel, vapActivation } from "../../src/policy/cel/index.js";

// The comprehension charge is a macro (cost-macro.ts) standing in for typed functions; these pin
// what the functions did: result types, compile errors, runtime errors and the units charged.
function evaluate(expr: string, object: unknown, meter?: CostMeter): unknown {
  const c = compileCel(expr);
  if (!c.ok) return { compileError: c.error };
  const r = c.expression.evaluate(vapActivation({ object: toCel(object) }), meter);
  return r.ok ? { type: c.expression.type, value: canonical(r.value) } : { error: r.error };
}

describe("comprehension cost charge", () => {
  it.each([
    ["[1, 2].map(x, x)", { type: "list<int>", value: [{ int: "1" }, { int: "2" }] }],
    ["{'a': 1}.map(k, k)", { type: "list<string>", value: ["a"] }],
    ["dyn({'a': 1}).all(k, k == 'a')", { type: "bool", value: true }],
    ["object.l.filter(x, true).map(x, x)", { type: "list", value: ["a"] }],
    ["object.m.exists(k, k == 'k')", { type: "bool", value: true }],
    ["'abc'.all(x, true)", { compileError: "found no matching overload for 'cost(string, int)'" }],
    ["dyn('abc').all(x, true)", { error: "found no matching overload for 'cost(string, int)'" }],
    ["dyn(null).map(x, 1)", { error: "found no matching overload for 'cost(null, int)'" }],
    [
      "dyn(duration('1s')).all(x, true)",
      { error: "found no matching overload for 'cost(google.protobuf.Duration, int)'" },
    ],
    // Ranges read from the request data take the dyn variant: the comprehension itself rejects them.
    [
      "object.s.all(x, true)",
      {
        error:
          "Expression of type 'string' cannot be range of a comprehension (must be list, map, or dynamic).",
      },
    ],
  ])("%s", (expr, expected) => {
    expect(evaluate(expr, { l: ["a"], m: { k: "v" }, s: "str" })).toEqual(expected);
  });

  it("charges size × (body nodes + 1) before the loop, plus the expression's nodes", () => {
    const object = { l: Array.from({ length: 7 }, (_, i) => i) };
    const meter = new CostMeter(1_000_000);
    // 7 nodes in the expression; the body `x >= 0` has 3 nodes: 7 elements × 4 = 28.
    expect(evaluate("object.l.all(x, x >= 0)", object, meter)).toEqual({ type: "bool", value: true });
    expect(meter.spent).toBe(7 + 28);
  });
});
