import type { Facts } from "../spec/facts.js";

/**
 * Build-your-own versus buying a distribution, scored with the recipe's criteria. Pure: facts in,
 * a ranked list with the reasons per criterion out. Ratings are 0 (poor) to 5 (strong) and describe the
 * offers as of late 2026; weights come from the platform's facts, so the same offers rank differently
 * for a startup and for an enterprise.
 */
export const criteria = [
  "support",
  "budget",
  "features",
  "lockIn",
  "vmware",
  "multiCluster",
  "skills",
] as const;
export type Criterion = (typeof criteria)[number];

export interface DistributionOption {
  readonly id: "build-your-own" | "openshift" | "okd" | "rancher" | "tanzu";
  readonly name: string;
  readonly summary: string;
  readonly ratings: Record<Criterion, { readonly score: number; readonly why: string }>;
}

export const options: readonly DistributionOption[] = [
  {
    id: "build-your-own",
    name: "Build your own (upstream Kubernetes + Bespoke catalog)",
    summary: "Upstream kubeadm or Cluster API plus CNCF components chosen per need, run as code with GitOps.",
    ratings: {
      support: { score: 1, why: "no vendor to call; community support and your own team" },
      budget: { score: 5, why: "no subscription; you pay with engineering time" },
      features: { score: 3, why: "what you assemble: every feature is a component you run and upgrade" },
      lockIn: { score: 5, why: "upstream APIs only; every part can be swapped" },
      vmware: { score: 3, why: "runs on vSphere through Cluster API's vSphere provider" },
      multiCluster: {
        score: 3,
        why: "Cluster API and GitOps manage many clusters, without a central console",
      },
      skills: { score: 1, why: "needs in-house Kubernetes skills to build, patch and debug" },
    },
  },
  {
    id: "openshift",
    name: "Red Hat OpenShift",
    summary:
      "Commercial Kubernetes distribution with an integrated console, registry, builds, and OLM-managed operators.",
    ratings: {
      support: { score: 5, why: "Red Hat subscription support with long life cycles" },
      budget: { score: 1, why: "per-core subscriptions; the most expensive option" },
      features: {
        score: 5,
        why: "console, registry, monitoring, logging, GitOps and pipelines integrated and tested together",
      },
      lockIn: { score: 1, why: "Routes, SCCs, ImageStreams, BuildConfigs and OLM make leaving costly" },
      vmware: { score: 4, why: "installs on vSphere with installer-provisioned infrastructure" },
      multiCluster: { score: 5, why: "Advanced Cluster Management for fleets" },
      skills: { score: 5, why: "opinionated defaults and vendor help compensate for a small team" },
    },
  },
  {
    id: "okd",
    name: "OKD (community OpenShift)",
    summary: "The upstream of OpenShift on Fedora CoreOS/CentOS Stream CoreOS, without a subscription.",
    ratings: {
      support: { score: 1, why: "community only; releases trail OpenShift" },
      budget: { score: 5, why: "no subscription" },
      features: { score: 4, why: "most of OpenShift's integrated features" },
      lockIn: { score: 2, why: "the same OpenShift-specific APIs, and no vendor behind them" },
      vmware: { score: 3, why: "installs on vSphere, with fewer tested paths than OpenShift" },
      multiCluster: { score: 2, why: "no supported fleet management" },
      skills: { score: 2, why: "you debug an opinionated distribution without vendor help" },
    },
  },
  {
    id: "rancher",
    name: "SUSE Rancher (RKE2 + Rancher Manager)",
    summary: "Open-source cluster management over RKE2/K3s with optional SUSE Rancher Prime support.",
    ratings: {
      support: { score: 4, why: "Rancher Prime subscription available; open source without it" },
      budget: { score: 3, why: "free to run; support priced per node" },
      features: {
        score: 3,
        why: "cluster management, RBAC and app catalog; fewer built-in developer features",
      },
      lockIn: { score: 4, why: "RKE2 is close to upstream; Rancher can be removed" },
      vmware: { score: 4, why: "provisions clusters on vSphere through node drivers or Cluster API" },
      multiCluster: { score: 5, why: "built for managing many clusters from one console" },
      skills: { score: 3, why: "a console and sane defaults; still Kubernetes underneath" },
    },
  },
  {
    id: "tanzu",
    name: "VMware Tanzu (VMware Cloud Foundation)",
    summary:
      "Kubernetes integrated into vSphere, sold by Broadcom inside VMware Cloud Foundation subscriptions.",
    ratings: {
      support: { score: 4, why: "Broadcom support with the VCF subscription" },
      budget: { score: 1, why: "only within VCF bundles; costly unless you already pay for them" },
      features: { score: 3, why: "vSphere-integrated clusters, fewer platform services than OpenShift" },
      lockIn: { score: 1, why: "ties the platform to vSphere and Broadcom's licensing" },
      vmware: { score: 5, why: "native to vSphere: the best fit for a VMware estate" },
      multiCluster: { score: 3, why: "cluster provisioning through vSphere Supervisor" },
      skills: { score: 4, why: "vSphere admins can operate it with little Kubernetes depth" },
    },
  },
];

export interface CriterionWeight {
  readonly weight: number;
  readonly why: string;
}

/** How much each criterion matters for this platform, and why. */
export function weightsFor(f: Facts): Record<Criterion, CriterionWeight> {
  const lowSkills = f.kubernetesSkills !== "advanced";
  return {
    support: {
      weight: f.complianceRequired || f.kubernetesSkills === "none" ? 3 : f.targetGroup === "ENT" ? 2 : 1,
      why: f.complianceRequired
        ? "compliance audits ask for vendor support"
        : f.kubernetesSkills === "none"
          ? "nobody in house runs Kubernetes yet"
          : "support is welcome but not required",
    },
    budget: {
      weight: f.supportedDistributionBudget ? 1 : 3,
      why: f.supportedDistributionBudget
        ? "there is budget for a subscription"
        : "there is no budget for a subscription",
    },
    features: {
      weight: f.teams >= 20 ? 3 : f.teams >= 5 ? 2 : 1,
      why: `${f.teams} team(s) will use the platform's services`,
    },
    lockIn: {
      weight: f.targetGroup === "SUP" ? 3 : 2,
      why:
        f.targetGroup === "SUP"
          ? "a small company must stay free to change course"
          : "leaving a vendor later is costly",
    },
    vmware: {
      weight: f.vmwareShop ? 2 : 0,
      why: f.vmwareShop ? "you run VMware vSphere today" : "no VMware estate to fit",
    },
    multiCluster: {
      weight: f.multiCluster ? 2 : 0,
      why: f.multiCluster ? "you run several clusters" : "one cluster",
    },
    skills: {
      weight: f.kubernetesSkills === "none" ? 3 : lowSkills ? 2 : 1,
      why: `in-house Kubernetes skills: ${f.kubernetesSkills}`,
    },
  };
}

export interface ScoredOption {
  readonly option: DistributionOption;
  readonly score: number;
  /** Share of the best possible score, 0..100. */
  readonly percent: number;
}

export interface DistributionAdvice {
  readonly weights: Record<Criterion, CriterionWeight>;
  readonly ranked: readonly ScoredOption[];
  readonly recommendation: string;
}

export function adviseDistribution(f: Facts): DistributionAdvice {
  const weights = weightsFor(f);
  const max = criteria.reduce((s, c) => s + weights[c].weight * 5, 0) || 1;
  const ranked = options
    .map((option) => {
      const score = criteria.reduce((s, c) => s + weights[c].weight * option.ratings[c].score, 0);
      return { option, score, percent: Math.round((score / max) * 100) };
    })
    .sort((a, b) => b.score - a.score || (a.option.id < b.option.id ? -1 : 1));
  const top = ranked[0] as ScoredOption;
  const second = ranked[1] as ScoredOption;
  const heavy = criteria
    .filter((c) => weights[c].weight >= 2)
    .map((c) => weights[c].why)
    .join("; ");
  const recommendation =
    `${top.option.name} fits best (${top.percent}% of the best possible score, ${second.option.name} next at ${second.percent}%)` +
    (heavy ? `, because ${heavy}.` : ".");
  return { weights, ranked, recommendation };
}
