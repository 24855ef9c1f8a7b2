import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { exemptionFor } from "../../src/policy/check/exceptions.js";
import { loadInputs } from "../../src/policy/load/files.js";
import { offlineRules } from "../../src/policy/offline/index.js";
import { offlineView } from "../../src/policy/offline/view.js";
import type { KubeObject } from "../../src/policy/vap/types.js";
import { breakers, byKind, compliantObjects, now } from "../unit/check-helpers.js";

const findings = (objects: readonly KubeObject[]) =>
  offlineRules.map((r) => ({
    rule: r.meta.id,
    found: r.check(objects.map((object, index) => ({ index, object }))),
  }));

const exemptions = (objects: readonly KubeObject[]) =>
  offlineRules.flatMap((r) => objects.map((o) => exemptionFor(r.meta.id, o, undefined, now)));

const labels = fc.dictionary(fc.constantFrom("app", "tier", "team"), fc.constantFrom("a", "b", "web"), {
  maxKeys: 2,
});
const generated: fc.Arbitrary<KubeObject> = fc.oneof(
  fc.record({
    apiVersion: fc.constant("apps/v1"),
    kind: fc.constantFrom("Deployment", "StatefulSet", "DaemonSet"),
    metadata: fc.record({
      name: fc.constantFrom("a", "b"),
      namespace: fc.constantFrom("x", "y"),
      managedFields: fc.constant([{ manager: "m" }]),
    }),
    spec: fc.record({
      replicas: fc.integer({ min: 0, max: 3 }),
      selector: fc.record({ matchLabels: labels }),
      template: fc.record({
        metadata: fc.record(
          { labels, annotations: fc.constant({ "bespoke.dev/exception.xo-pdb-missing": "reason=r" }) },
          { requiredKeys: ["labels"] },
        ),
        spec: fc.record({
          containers: fc.constant([{ name: "c", image: "i", ports: [{ containerPort: 80 }] }]),
        }),
      }),
    }),
  }),
  fc.record({
    apiVersion: fc.constant("v1"),
    kind: fc.constant("Pod"),
    metadata: fc.record({ name: fc.constantFrom("p", "q"), namespace: fc.constantFrom("x", "y"), labels }),
    spec: fc.record({ containers: fc.constant([{ name: "c", image: "i" }]) }),
  }),
  fc.record({
    apiVersion: fc.constant("v1"),
    kind: fc.constant("Service"),
    metadata: fc.record({ name: fc.constantFrom("s", "t"), namespace: fc.constantFrom("x", "y") }),
    spec: fc.record({ selector: labels, type: fc.constantFrom("ClusterIP", "ExternalName") }),
  }),
  fc.record({
    apiVersion: fc.constant("policy/v1"),
    kind: fc.constant("PodDisruptionBudget"),
    metadata: fc.record({ name: fc.constant("pdb"), namespace: fc.constantFrom("x", "y") }),
    spec: fc.record({ selector: fc.record({ matchLabels: labels }) }),
  }),
  fc.record({
    apiVersion: fc.constant("networking.k8s.io/v1"),
    kind: fc.constant("NetworkPolicy"),
    metadata: fc.record({ name: fc.constant("np"), namespace: fc.constantFrom("x", "y") }),
    spec: fc.record({ podSelector: fc.record({ matchLabels: labels }) }),
  }),
  fc.record({
    apiVersion: fc.constant("autoscaling/v2"),
    kind: fc.constant("HorizontalPodAutoscaler"),
    metadata: fc.record({ name: fc.constant("h"), namespace: fc.constantFrom("x", "y") }),
    spec: fc.record({
      scaleTargetRef: fc.record({
        kind: fc.constantFrom("Deployment", "StatefulSet"),
        name: fc.constantFrom("a", "b"),
      }),
    }),
  }),
  fc.record({
    apiVersion: fc.constant("networking.k8s.io/v1"),
    kind: fc.constant("Ingress"),
    metadata: fc.record({ name: fc.constantFrom("i", "j"), namespace: fc.constantFrom("x", "y") }),
    spec: fc.record({ rules: fc.constant([{ host: "a.example.com", http: { paths: [{ path: "/" }] } }]) }),
  }),
);

describe("offline views (what a streaming check keeps of each object)", () => {
  it("give the offline rules the same findings and exemptions as whole objects, on generated sets", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 14 }), (objects) => {
        const views = objects.map(offlineView);
        const expected = findings(objects);
        expect(findings(views)).toEqual(expected);
        expect(exemptions(views)).toEqual(exemptions(objects));
        for (const r of expected) if (r.found.length > 0) seen.add(r.rule);
      }),
      { numRuns: 300 },
    );
    // The generator reaches every offline rule, so the equality above is not vacuous.
    expect([...seen].sort()).toEqual(offlineRules.map((r) => r.meta.id).sort());
  });

  it("give the same findings on the broken fixtures and on the Argo CD example apps", async () => {
    for (const [id, b] of Object.entries(breakers)) {
      const objects = compliantObjects();
      b.apply(byKind(objects, b.kind), objects);
      expect(findings(objects.map(offlineView)), id).toEqual(findings(objects));
    }
    const corpus = fileURLToPath(new URL("../../../shared/corpus/argocd-example-apps", import.meta.url));
    const objects = (await loadInputs([corpus], { kustomize: false, readStdin: async () => "" })).objects.map(
      (lo) => lo.object,
    );
    expect(findings(objects).some((r) => r.found.length > 0)).toBe(true);
    expect(findings(objects.map(offlineView))).toEqual(findings(objects));
  });

  it("keep metadata and workload fields but no pod spec body", () => {
    const dep = byKind(compliantObjects(), "Deployment") as KubeObject;
    const view = offlineView(dep) as {
      spec: { template: { spec: object; metadata: unknown }; selector: unknown };
    };
    expect(view.spec.template.spec).toEqual({});
    expect(view.spec.template.metadata).toEqual((dep as typeof view).spec.template.metadata);
    expect(view.spec.selector).toEqual((dep as typeof view).spec.selector);
    expect((dep as typeof view).spec.template.spec).not.toEqual({});
  });
});
