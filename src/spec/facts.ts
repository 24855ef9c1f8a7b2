import type { FactName, TargetGroup } from "../catalog/schema.js";
import type { Platform } from "./schema.js";

/** The resolved facts the planner decides on: the spec's values, or the target group's defaults. */
export interface Facts {
  readonly targetGroup: TargetGroup;
  readonly kubernetesVersion: string;
  readonly provisioning: "api" | "bare-metal";
  readonly infrastructureProvider: "vsphere" | "openstack" | "metal3" | "none";
  readonly vmwareShop: boolean;
  readonly statefulWorkloads: boolean;
  readonly externalExposure: boolean;
  readonly teams: number;
  readonly apps: number;
  readonly complianceRequired: boolean;
  readonly identityProvider: "none" | "ldap" | "active-directory" | "oidc" | "saml";
  readonly identityIssuerUrl?: string;
  readonly supportedDistributionBudget: boolean;
  readonly multiCluster: boolean;
  readonly kubernetesSkills: "none" | "basic" | "advanced";
  readonly gitops: "argocd" | "flux";
  readonly autoscaling: boolean;
  readonly airGapped: boolean;
}

export const newestKubernetesMinor = "v1.37";

type GroupDefaults = Omit<Facts, "targetGroup" | "kubernetesVersion" | "identityIssuerUrl">;

/** What a typical organisation of each size has, when platform.yaml does not say. */
export const groupDefaults: Record<TargetGroup, GroupDefaults> = {
  SUP: {
    provisioning: "bare-metal",
    infrastructureProvider: "none",
    vmwareShop: false,
    statefulWorkloads: false,
    externalExposure: true,
    teams: 2,
    apps: 5,
    complianceRequired: false,
    identityProvider: "none",
    supportedDistributionBudget: false,
    multiCluster: false,
    kubernetesSkills: "basic",
    gitops: "argocd",
    autoscaling: false,
    airGapped: false,
  },
  MBU: {
    provisioning: "api",
    infrastructureProvider: "vsphere",
    vmwareShop: true,
    statefulWorkloads: true,
    externalExposure: true,
    teams: 8,
    apps: 40,
    complianceRequired: false,
    identityProvider: "active-directory",
    supportedDistributionBudget: false,
    multiCluster: false,
    kubernetesSkills: "basic",
    gitops: "argocd",
    autoscaling: true,
    airGapped: false,
  },
  ENT: {
    provisioning: "api",
    infrastructureProvider: "vsphere",
    vmwareShop: true,
    statefulWorkloads: true,
    externalExposure: true,
    teams: 40,
    apps: 300,
    complianceRequired: true,
    identityProvider: "active-directory",
    supportedDistributionBudget: true,
    multiCluster: true,
    kubernetesSkills: "advanced",
    gitops: "argocd",
    autoscaling: true,
    airGapped: false,
  },
};

export interface ResolvedFacts {
  readonly facts: Facts;
  /** Facts the spec did not give, taken from the target group's defaults (shown in the plan). */
  readonly assumed: readonly FactName[];
}

export function resolveFacts(platform: Platform): ResolvedFacts {
  const s = platform.spec;
  const d = groupDefaults[s.targetGroup];
  const assumed: FactName[] = [];
  function pick<K extends keyof GroupDefaults & FactName>(
    name: K,
    value: GroupDefaults[K] | undefined,
  ): GroupDefaults[K] {
    if (value === undefined) {
      assumed.push(name);
      return d[name];
    }
    return value;
  }
  const provider = s.infrastructure?.provider;
  let provisioning = s.infrastructure?.provisioning;
  // A named provider implies API provisioning; say nothing was assumed about it then.
  if (provisioning === undefined && provider !== undefined)
    provisioning = provider === "none" ? "bare-metal" : "api";
  const resolvedProvisioning = pick("provisioning", provisioning);
  let resolvedProvider: Facts["infrastructureProvider"];
  if (provider !== undefined) resolvedProvider = provider;
  else if (resolvedProvisioning === "bare-metal") resolvedProvider = "none";
  else {
    const vmware = s.infrastructure?.vmwareShop ?? d.vmwareShop;
    resolvedProvider = vmware
      ? "vsphere"
      : d.infrastructureProvider === "none"
        ? "openstack"
        : d.infrastructureProvider;
    assumed.push("infrastructureProvider");
  }
  const facts: Facts = {
    targetGroup: s.targetGroup,
    kubernetesVersion: s.kubernetesVersion ?? newestKubernetesMinor,
    provisioning: resolvedProvisioning,
    infrastructureProvider: resolvedProvider,
    vmwareShop: pick("vmwareShop", s.infrastructure?.vmwareShop),
    statefulWorkloads: pick("statefulWorkloads", s.workloads?.stateful),
    externalExposure: pick("externalExposure", s.workloads?.externalExposure),
    teams: pick("teams", s.workloads?.teams),
    apps: pick("apps", s.workloads?.apps),
    complianceRequired: pick("complianceRequired", s.compliance?.required),
    identityProvider: pick("identityProvider", s.identity?.provider),
    ...(s.identity?.issuerUrl ? { identityIssuerUrl: s.identity.issuerUrl } : {}),
    supportedDistributionBudget: pick("supportedDistributionBudget", s.budget?.supportedDistribution),
    multiCluster: pick("multiCluster", s.multiCluster),
    kubernetesSkills: pick("kubernetesSkills", s.skills?.kubernetes),
    gitops: pick("gitops", s.gitops),
    // Autoscaling needs an API to create nodes; on bare metal it is off whatever the default says.
    autoscaling:
      resolvedProvisioning === "bare-metal" && s.infrastructure?.autoscaling === undefined
        ? false
        : pick("autoscaling", s.infrastructure?.autoscaling),
    airGapped: pick("airGapped", s.infrastructure?.airGapped),
  };
  return { facts, assumed: [...new Set(assumed)].sort() };
}

export function factValue(facts: Facts, name: FactName): string | number | boolean {
  return facts[name];
}
