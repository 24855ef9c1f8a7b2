import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Environment } from "@marcbachmann/cel-js";
import {
  celCoversContainer,
  celValidException,
  isUnexpired,
  parseException,
} from "../../src/policy/exceptions/annotation.js";

// The CEL is what decides in the cluster; the TS twin explains findings offline. They must agree.
const env = new Environment({ enableOptionalTypes: true, unlistedVariablesAreDyn: true });
const valid = env.parse(celValidException("v"));
const covers = env.parse(celCoversContainer("v", "c"));

const date = fc
  .tuple(
    fc.integer({ min: 2020, max: 2030 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
const reason = fc.oneof(fc.constant(""), fc.constant("  "), fc.stringMatching(/^[a-zA-Z ,.]{1,20}$/));
const sp = fc.constantFrom("", " ", "  ");
const annotation = fc
  .record({
    reason: fc.option(reason),
    expires: fc.option(fc.oneof(date, fc.constantFrom("2027", "soon", "2027-1-1"))),
    containers: fc.option(fc.array(name, { minLength: 1, maxLength: 3 })),
    sp,
  })
  .map(({ reason: r, expires, containers, sp: s }) =>
    [
      r === null ? undefined : `reason=${s}${r}`,
      expires === null ? undefined : `${s}expires=${expires}`,
      containers === null ? undefined : `containers=${containers.join(`,${s}`)}`,
    ]
      .filter((x) => x !== undefined)
      .join(`;${s}`),
  );

describe("exception annotations", () => {
  it("TS parser and CEL agree on validity and expiry", () => {
    fc.assert(
      fc.property(annotation, date, fc.constantFrom("00:00:00", "23:59:59", "12:00:00"), (v, day, time) => {
        const now = `${day}T${time}Z`;
        const p = parseException(v);
        const ts = typeof p !== "string" && isUnexpired(p, now);
        const cel = valid({ v, variables: { times: [now] } });
        expect(cel).toBe(ts);
      }),
      { numRuns: 500 },
    );
  });

  it("TS parser and CEL agree on which containers an exception covers", () => {
    fc.assert(
      fc.property(annotation, name, (v, c) => {
        const p = parseException(v);
        fc.pre(typeof p !== "string");
        if (typeof p === "string") return;
        const ts = p.containers === undefined || p.containers.includes(c);
        expect(covers({ v, c: { name: c } })).toBe(ts);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps an exception valid through its whole expiry day (UTC) and not a second longer", () => {
    const v = "reason=legacy; expires=2027-01-31";
    expect(valid({ v, variables: { times: ["2027-01-31T23:59:59Z"] } })).toBe(true);
    expect(valid({ v, variables: { times: ["2027-02-01T00:00:00Z"] } })).toBe(false);
    expect(valid({ v: "expires=2099-01-01", variables: { times: ["2027-01-01T00:00:00Z"] } })).toBe(false);
  });
});
