import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { libraryRules } from "../../src/policy/library/index.js";
import { exportPolicies } from "../../src/policy/export/export.js";
import { defaultParams } from "../../src/policy/params/params.js";

describe("policy export", () => {
  const files = exportPolicies(libraryRules, defaultParams);

  it("is byte-stable and sorted", () => {
    const again = exportPolicies([...libraryRules].reverse(), defaultParams);
    expect([...again]).toEqual([...files]);
    const keys = [...files.keys()];
    expect(keys).toEqual([...keys].sort());
  });

  it("writes one policy and enforce/warn bindings per rule, plus the exception guard", () => {
    const policies = [...files.keys()].filter((k) => k.startsWith("policies/"));
    expect(policies).toHaveLength(libraryRules.length + 1);
    expect(files.has("policies/bespoke-exception-guard.yaml")).toBe(true);
    const docs = parseAllDocuments(files.get("bindings/bespoke-res-memory-limit.yaml") ?? "").map((d) =>
      d.toJS(),
    );
    expect(
      docs.map((d) => d.spec.matchResources.namespaceSelector.matchLabels["bespoke.dev/policy"]),
    ).toEqual(["enforce", "warn"]);
    expect(docs[0].spec.validationActions).toEqual(["Deny"]);
    expect(docs[1].spec.validationActions).toEqual(["Warn", "Audit"]);
  });

  it("lets warning rules only warn, even in enforce namespaces", () => {
    const docs = parseAllDocuments(files.get("bindings/bespoke-img-digest.yaml") ?? "").map((d) => d.toJS());
    expect(docs[0].spec.validationActions).toEqual(["Warn", "Audit"]);
  });

  it("references the params ConfigMap from bindings of policies with params", () => {
    const cm = parseAllDocuments(files.get("params/configmap.yaml") ?? "")[0]?.toJS();
    const docs = parseAllDocuments(files.get("bindings/bespoke-img-trusted-registry.yaml") ?? "").map((d) =>
      d.toJS(),
    );
    expect(docs[0].spec.paramRef).toEqual({
      name: cm.metadata.name,
      namespace: cm.metadata.namespace,
      parameterNotFoundAction: "Deny",
    });
  });

  it("lists every file in the kustomization", () => {
    const k = parseAllDocuments(files.get("kustomization.yaml") ?? "")[0]?.toJS();
    expect(k.resources).toEqual([...files.keys()].filter((p) => p !== "kustomization.yaml"));
  });
});
