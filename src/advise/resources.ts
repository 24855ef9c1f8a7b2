/**
 * How to manage an application's Kubernetes resources, by the recipe's rule of thumb:
 * plain YAML for fewer than 4 configurations, Kustomize for fewer than 10, Helm beyond that or when
 * others consume it, an Operator when vendor software needs lifecycle logic (upgrades, backups, failover).
 */
export type ResourceTool = "yaml" | "kustomize" | "helm" | "operator";

export interface ResourcesQuestion {
  /** Number of configurations (environments, clusters, tenants) the app is deployed in. */
  readonly configs: number;
  /** The package is published for others to install. */
  readonly published: boolean;
  /** Vendor software whose operation needs lifecycle logic. */
  readonly vendor: boolean;
}

export interface ResourcesAdvice {
  readonly tool: ResourceTool;
  readonly why: string;
  readonly alternatives: readonly { readonly tool: ResourceTool; readonly whenInstead: string }[];
}

export function adviseResources(q: ResourcesQuestion): ResourcesAdvice {
  if (q.vendor) {
    return {
      tool: "operator",
      why: "vendor software with lifecycle logic (upgrades, backups, failover) is best run by its vendor's Operator, which encodes that logic; install the Operator itself with its Helm chart",
      alternatives: [{ tool: "helm", whenInstead: "the vendor ships no Operator or it is immature" }],
    };
  }
  if (q.published) {
    return {
      tool: "helm",
      why: "a package others install needs versioned releases and a documented values interface: Helm charts give both",
      alternatives: [
        { tool: "kustomize", whenInstead: "consumers prefer patching plain manifests (publish a base)" },
      ],
    };
  }
  if (q.configs < 4) {
    return {
      tool: "yaml",
      why: `${q.configs} configuration(s) are few enough to keep as plain YAML: nothing to learn, nothing to render`,
      alternatives: [{ tool: "kustomize", whenInstead: "the copies start to drift or grow past 3" }],
    };
  }
  if (q.configs < 10) {
    return {
      tool: "kustomize",
      why: `${q.configs} configurations share most of their YAML: a Kustomize base with one overlay each keeps the differences small and visible, and kubectl has it built in`,
      alternatives: [{ tool: "helm", whenInstead: "overlays need logic (loops, conditionals) or reach 10+" }],
    };
  }
  return {
    tool: "helm",
    why: `${q.configs} configurations need templating and values per configuration: a Helm chart scales where overlays multiply`,
    alternatives: [{ tool: "kustomize", whenInstead: "configurations differ only in a few fields" }],
  };
}
