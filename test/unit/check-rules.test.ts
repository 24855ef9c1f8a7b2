import { describe, expect, it } from "vitest";
import { checkObjects, type CheckOptions } from "../../src/policy/check/check.js";
import { libraryRules } from "../../src/policy/library/index.js";
import { offlineRules } from "../../src/policy/offline/index.js";
import { asLoaded, breakers, broken, compliantObjects, now, testParams } from "./check-helpers.js";

const options: CheckOptions = { pssVersion: "latest", params: testParams, now, rules: "*,!pss-*" };
const ruleIds = [...libraryRules.map((r) => r.meta.id), ...offlineRules.map((r) => r.meta.id)];

describe("every rule on its own fixtures", () => {
  it("the compliant fixture set passes every rule (PSS included)", () => {
    const r = checkObjects(asLoaded(compliantObjects()), { ...options, rules: "*" });
    expect(r.errors).toEqual([]);
    expect(r.findings.map((f) => `${f.ruleId} ${f.object?.kind}/${f.object?.name} ${f.message}`)).toEqual([]);
  });

  it("has a breaking fixture for every library and offline rule", () => {
    expect(Object.keys(breakers).sort()).toEqual([...ruleIds].sort());
  });

  it.each(ruleIds)("%s fires when its field is broken", (id) => {
    const { objects } = broken(id);
    const r = checkObjects(asLoaded(objects), options);
    expect(r.errors).toEqual([]);
    const hits = r.findings.filter((f) => f.ruleId === id);
    expect(hits.length, JSON.stringify(r.findings.map((f) => f.ruleId))).toBeGreaterThan(0);
    expect(hits.every((f) => f.line !== undefined && f.line > 0 && f.file === "case.yaml")).toBe(true);
  });
});
