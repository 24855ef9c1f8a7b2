import { describe, expect, it } from "vitest";
import { checkObjects, type CheckOptions } from "../../src/policy/check/check.js";
import { libraryRules } from "../../src/policy/library/index.js";
import { offlineRules } from "../../src/policy/offline/index.js";
import { exceptionKey } from "../../src/policy/exceptions/annotation.js";
import { asLoaded, broken, byKind, now, testParams } from "./check-helpers.js";
import type { KubeObject } from "../../src/policy/vap/types.js";

const options: CheckOptions = { pssVersion: "latest", params: testParams, now, rules: "*" };
const fired = (objects: KubeObject[], id: string) =>
  checkObjects(asLoaded(objects), options).findings.filter((f) => f.ruleId === id);

// These two break by deleting an object: the exception goes on the workload, or on the namespace
// for coverage, which every pod-bearing object of the namespace lacks.
const annotated = (id: string, target: ReturnType<typeof broken>["target"], objects: KubeObject[]) =>
  id === "xo-pdb-missing"
    ? byKind(objects, "Deployment")
    : id === "xo-netpol-coverage"
      ? byKind(objects, "Namespace")
      : target;

describe("exception annotations", () => {
  const ids = [...libraryRules.map((r) => r.meta.id), ...offlineRules.map((r) => r.meta.id)].filter(
    (id) => !["xo-duplicate-host"].includes(id),
  );

  it.each(ids)(
    "%s: a reasoned, unexpired exception on the object silences it; an expired one does not",
    (id) => {
      for (const [value, silenced] of [
        ["reason=accepted risk, ticket 42; expires=2026-11-25", true],
        ["reason=accepted risk; expires=2026-11-24", false],
        ["expires=2099-01-01", false],
      ] as const) {
        const { objects, target } = broken(id);
        const holder = annotated(id, target, objects);
        holder.metadata.annotations = { ...(holder.metadata.annotations ?? {}), [exceptionKey(id)]: value };
        expect(fired(objects, id).length === 0, `${id} with ${value}`).toBe(silenced);
      }
    },
  );

  it("takes namespace-wide exceptions from the Namespace object", () => {
    const { objects } = broken("res-memory-limit");
    const ns = byKind(objects, "Namespace");
    ns.metadata.annotations = { [exceptionKey("res-memory-limit")]: "reason=batch namespace" };
    expect(fired(objects, "res-memory-limit")).toEqual([]);
  });

  it("narrows a container exception to the named containers and reports the others at their own line", () => {
    const { objects, target } = broken("sec-no-privileged");
    const spec = target.spec.template.spec;
    spec.containers.push({ ...structuredClone(spec.containers[0]), name: "side" });
    target.spec.template.metadata.annotations = {
      [exceptionKey("sec-no-privileged")]: "reason=needs it; containers=app",
    };
    const hits = fired(objects, "sec-no-privileged");
    expect(hits.map((f) => f.object?.container)).toEqual(["side"]);
    expect(hits[0]?.message).toBe("securityContext.privileged is true (containers: side)");
    const noEx = broken("sec-no-privileged");
    const appLine = fired(noEx.objects, "sec-no-privileged")[0]?.line ?? 0;
    expect(hits[0]?.line).toBeGreaterThan(appLine);
  });

  it("applies the same annotation to Pod Security rules offline", () => {
    const { objects, target } = broken("sec-no-privileged");
    expect(fired(objects, "pss-baseline-privileged").length).toBe(1);
    target.spec.template.metadata.annotations = {
      [exceptionKey("pss-baseline-privileged")]: "reason=CNI agent; containers=app",
    };
    expect(fired(objects, "pss-baseline-privileged")).toEqual([]);
  });
});
