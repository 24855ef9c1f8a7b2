import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { planCheck, runCheck } from "../../src/policy/check/check.js";
import { chunkSize, localRunner, runCheckOn, threadsFor } from "../../src/policy/check/parallel.js";
import { asLoaded, breakers, byKind, compliantObjects, now, testParams } from "./check-helpers.js";

const options = { pssVersion: "latest" as const, params: testParams, now, rules: "*" };
const plan = planCheck(options);
const ids = Object.keys(breakers);

describe("check across runners", () => {
  it("gives exactly runCheck's result, whatever the number of runners and the chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(ids, { maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        async (broken, runners, copies) => {
          const objects = compliantObjects();
          for (const id of broken) {
            const b = breakers[id];
            if (b) b.apply(byKind(objects, b.kind), objects);
          }
          // Enough objects for several chunks, each copy renamed so findings stay distinct.
          const many = Array.from({ length: copies * Math.ceil(chunkSize / objects.length) + 1 }, (_, i) =>
            objects.map((o) => ({
              ...o,
              metadata: { ...(o.metadata ?? {}), name: `${String(o.metadata?.name)}-${i}` },
            })),
          ).flat();
          const loaded = asLoaded(many);
          const one = runCheck(loaded, plan, now);
          const spread = await runCheckOn(
            Array.from({ length: runners }, () => localRunner(plan, now)),
            loaded,
            plan,
            now,
          );
          expect(spread).toStrictEqual(one);
        },
      ),
      { numRuns: 8 },
    );
  });

  it("stays in-process unless threads are asked for and the input is large", () => {
    expect(threadsFor(100_000, 1)).toBe(1);
    expect(threadsFor(10, 8)).toBe(1);
  });
});
