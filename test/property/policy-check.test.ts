import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkObjects, planCheck, runCheck } from "../../src/policy/check/check.js";
import { exceptionKey } from "../../src/policy/exceptions/annotation.js";
import { asLoaded, breakers, byKind, compliantObjects, now, testParams } from "../unit/check-helpers.js";

const options = { pssVersion: "latest" as const, params: testParams, now, rules: "*" };
const plan = planCheck(options);
const deploymentBreakers = Object.entries(breakers)
  .filter(([, b]) => b.kind === "Deployment")
  .map(([id]) => id);
const key = (f: { ruleId: string; message: string; object?: { name?: string; container?: string } }) =>
  `${f.ruleId}|${f.object?.name}|${f.object?.container ?? ""}|${f.message}`;

function mutated(ids: readonly string[]) {
  const objects = compliantObjects();
  const dep = byKind(objects, "Deployment");
  for (const id of ids) breakers[id]?.apply(dep, objects);
  return { objects, dep };
}

describe("bespoke check over generated inputs", () => {
  it("finds the same things whatever the order of the objects", () => {
    fc.assert(
      fc.property(fc.subarray(deploymentBreakers, { maxLength: 5 }), fc.integer(), (ids, seed) => {
        const { objects } = mutated(ids);
        const shuffled = [...objects].sort(
          (a, b) => (((a.kind ?? "").length * seed) % 7) - (((b.kind ?? "").length * seed) % 7),
        );
        const a = runCheck(asLoaded(objects), plan, now).findings.map(key).sort();
        const b = runCheck(asLoaded(shuffled), plan, now).findings.map(key).sort();
        expect(b).toEqual(a);
      }),
      { numRuns: 15 },
    );
  });

  it("the last broken rule shows up, and a valid exception for it only ever removes findings", () => {
    fc.assert(
      fc.property(fc.subarray(deploymentBreakers, { minLength: 1, maxLength: 5 }), fc.nat(), (ids, pick) => {
        const { objects, dep } = mutated(ids);
        const before = runCheck(asLoaded(objects), plan, now).findings;
        const fired = new Set(before.map((f) => f.ruleId));
        // Breakers may undo each other (two image changes); the last one applied always holds.
        const last = ids[ids.length - 1] ?? "";
        if (!["meta-no-default-namespace", "wl-replicas-prod"].includes(last)) expect(fired).toContain(last);
        const excepted = ids[pick % ids.length] ?? "";
        dep.metadata.annotations = { [exceptionKey(excepted)]: "reason=property test" };
        const after = runCheck(asLoaded(objects), plan, now).findings;
        const beforeKeys = new Set(before.map(key));
        expect(after.every((f) => beforeKeys.has(key(f)))).toBe(true);
        expect(
          after.some(
            (f) => f.ruleId === excepted && f.object?.name === "web" && f.object.kind === "Deployment",
          ),
        ).toBe(false);
      }),
      { numRuns: 15 },
    );
  });

  it("is deterministic", () => {
    const { objects } = mutated(deploymentBreakers.slice(0, 8));
    const a = checkObjects(asLoaded(objects), options);
    const b = checkObjects(asLoaded(objects), options);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
