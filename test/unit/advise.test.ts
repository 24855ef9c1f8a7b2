import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { adviseResources } from "../../src/advise/resources.js";
import { adviseDistribution, criteria } from "../../src/advise/distribution.js";
import { groupDefaults } from "../../src/spec/facts.js";

describe("advise resources", () => {
  it("follows the recipe's thresholds: < 4 YAML, < 10 Kustomize, Helm beyond or when published, Operator for vendors", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.boolean(),
        fc.boolean(),
        (configs, published, vendor) => {
          const a = adviseResources({ configs, published, vendor });
          const expected = vendor
            ? "operator"
            : published
              ? "helm"
              : configs < 4
                ? "yaml"
                : configs < 10
                  ? "kustomize"
                  : "helm";
          expect(a.tool).toBe(expected);
          expect(a.why.length).toBeGreaterThan(20);
        },
      ),
    );
  });
});

describe("advise distribution", () => {
  it("ranks every option, scores within bounds, and explains each weight", () => {
    for (const g of ["SUP", "MBU", "ENT"] as const) {
      const a = adviseDistribution({ ...groupDefaults[g], targetGroup: g, kubernetesVersion: "v1.37" });
      expect(a.ranked.map((r) => r.option.id).sort()).toEqual([
        "build-your-own",
        "okd",
        "openshift",
        "rancher",
        "tanzu",
      ]);
      for (const r of a.ranked) expect(r.percent).toBeGreaterThanOrEqual(0);
      for (const c of criteria) expect(a.weights[c].why).not.toBe("");
      const scores = a.ranked.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
    }
  });

  it("a VMware shop with budget and no skills leans to a vendor; no budget and advanced skills leans to building", () => {
    const base = { ...groupDefaults.MBU, targetGroup: "MBU" as const, kubernetesVersion: "v1.37" };
    const vendor = adviseDistribution({
      ...base,
      vmwareShop: true,
      supportedDistributionBudget: true,
      kubernetesSkills: "none",
    });
    expect(["tanzu", "openshift"]).toContain(vendor.ranked[0]?.option.id);
    const build = adviseDistribution({
      ...base,
      vmwareShop: false,
      supportedDistributionBudget: false,
      kubernetesSkills: "advanced",
      multiCluster: false,
    });
    expect(build.ranked[0]?.option.id).toBe("build-your-own");
  });
});
