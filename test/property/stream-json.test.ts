import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { jsonWithStreamedArray } from "../../src/report/stream-json.js";
import { renderReport, writeReport, type Report } from "../../src/report/index.js";
import { makeStyle } from "../../src/cli/style.js";

const plainStyle = makeStyle(false);

const here = "\u0000here\u0000";

/** Puts `items` where the placeholder is (a deep copy of the skeleton with the array in place). */
function withArray(value: unknown, items: unknown[]): unknown {
  if (value === here) return items;
  if (Array.isArray(value)) return value.map((v) => withArray(v, items));
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withArray(v, items)]));
  return value;
}

// A skeleton with the placeholder exactly once, at any depth, inside objects or arrays.
const skeleton: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    fc.constant(here),
    fc
      .tuple(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), tie("node"), fc.nat(3))
      .map(([others, inner, at]) => {
        const list: unknown[] = [...others];
        list.splice(Math.min(at, list.length), 0, inner);
        return list;
      }),
    fc
      .tuple(
        fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
        tie("node"),
        fc.string({ minLength: 1, maxLength: 6 }),
      )
      .map(([others, inner, key]) => ({ ...others, [`k${key}`]: inner })),
  ),
})).node;

describe("streamed JSON", () => {
  it("is JSON.stringify(value, null, 2) byte for byte, wherever the array sits and whatever it holds", () => {
    fc.assert(
      fc.property(skeleton, fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 6 }), (s, items) => {
        const streamed = [...jsonWithStreamedArray(s, here, items)].join("");
        expect(streamed).toBe(JSON.stringify(withArray(s, items), null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a skeleton without the placeholder, or with it twice", () => {
    expect(() => [...jsonWithStreamedArray({ a: 1 }, here, [])]).toThrow(/once/);
    expect(() => [...jsonWithStreamedArray([here, here], here, [])]).toThrow(/once/);
  });

  it("writes every report format in batches that join to the whole report", () => {
    const finding = fc.record({
      ruleId: fc.constantFrom("img-digest", "xo-pdb-missing"),
      severity: fc.constantFrom("error", "warning", "info"),
      message: fc.string({ maxLength: 30 }),
      file: fc.constantFrom("a.yaml", "b.yaml"),
      line: fc.nat(99),
      col: fc.nat(9),
      object: fc.record({ kind: fc.constant("Pod"), name: fc.string({ maxLength: 4 }) }),
    });
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 20 }),
        fc.constantFrom("text", "json", "sarif", "junit") as fc.Arbitrary<
          "text" | "json" | "sarif" | "junit"
        >,
        fc.integer({ min: 1, max: 500 }),
        (findings, format, batch) => {
          const report: Report = {
            tool: { name: "bespoke", version: "0.0.0" },
            run: "check",
            rules: [],
            findings,
            errors: [],
            inputs: ["a.yaml", "b.yaml", "c.yaml"],
          };
          const pieces: string[] = [];
          writeReport(report, format, plainStyle, (s) => pieces.push(s), batch);
          expect(pieces.join("")).toBe(renderReport(report, format, plainStyle));
          for (const p of pieces.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(batch);
        },
      ),
      { numRuns: 100 },
    );
  });
});
