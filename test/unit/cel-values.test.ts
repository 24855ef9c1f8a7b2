import { describe, expect, it } from "vitest";
import { toCel } from "../../src/policy/cel/index.js";

describe("toCel", () => {
  const date = new Date(0);
  const bytes = new Uint8Array([1, 2]);
  // eslint-disable-next-line no-sparse-arrays
  const sparse = [1, , 3];
  const input = {
    i: 3,
    d: 3.5,
    big: 2 ** 60,
    neg: -0,
    s: "x",
    b: true,
    n: null,
    u: undefined,
    f: () => 1,
    date,
    bytes,
    nested: { list: [1, "a", { k: 2 }], empty: {} },
    sparse,
  };

  it("makes integral safe numbers ints (BigInt) and keeps the rest", () => {
    const out = toCel(input) as Record<string, unknown>;
    expect(out).toEqual({
      i: 3n,
      d: 3.5,
      big: 2 ** 60,
      neg: 0n,
      s: "x",
      b: true,
      n: null,
      u: null,
      f: null,
      date,
      bytes,
      nested: { list: [1n, "a", { k: 2n }], empty: {} },
      sparse: [1n, undefined, 3n],
    });
    expect(out["date"]).toBe(date);
    expect(out["bytes"]).toBe(bytes);
    expect(1 in (out["sparse"] as unknown[])).toBe(false);
    expect(Object.keys(out)).toEqual(Object.keys(input));
  });

  it("keeps every number a double in double mode", () => {
    expect(toCel({ i: 3, l: [1, 2.5], big: 7n }, { numbers: "double" })).toEqual({
      i: 3,
      l: [1, 2.5],
      big: 7n,
    });
  });

  it("copies: the input is not shared or changed", () => {
    const nested = { a: [1] };
    const out = toCel(nested) as { a: unknown[] };
    expect(out.a).not.toBe(nested.a);
    expect(nested).toEqual({ a: [1] });
  });
});
