import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
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

  it.each([
    ["pod-no-host-network", "hostNetwork: true"],
    ["svc-type-allowed", "type: NodePort"],
    ["sec-no-privileged", "privileged: true"],
  ])("%s points at the offending field's line", (id, needle) => {
    const { objects } = broken(id);
    const text = objects.map((o) => stringify(o)).join("---\n");
    const r = checkObjects(asLoaded(objects), options);
    const hit = r.findings.find((f) => f.ruleId === id);
    const fieldLine = text.split("\n").findIndex((l) => l.includes(needle)) + 1;
    // Container findings point at the container (its first line); field findings at the field.
    if (id === "sec-no-privileged") expect(hit?.line).toBeLessThan(fieldLine);
    else expect(hit?.line).toBe(fieldLine);
  });
});
