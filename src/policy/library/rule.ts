/**
 * A library rule is written once and becomes one ValidatingAdmissionPolicy; `bespoke check` runs
 * the very same CEL offline. The CEL here always states what is COMPLIANT (true = fine), because
 * that is what a VAP validation expression means.
 */
import type { RuleMeta } from "../../report/finding.js";

/** One admission resource rule: which API resources a policy matches. */
export interface ResourceMatch {
  readonly apiGroups: readonly string[];
  readonly apiVersions: readonly string[];
  readonly resources: readonly string[];
  /** Kinds of those resources, for offline matching of manifests (which carry kinds, not resources). */
  readonly kinds: readonly string[];
}

interface RuleBase {
  readonly meta: RuleMeta;
  /** True when the CEL reads `params` (the bespoke-policy-params ConfigMap). */
  readonly usesParams?: boolean;
  /** A CEL guard: the rule only applies when this is true (e.g. "not a batch pod"). */
  readonly appliesWhen?: string;
}

/** Checks every container of a pod or pod template; `c` is the container. */
export interface ContainerRule extends RuleBase {
  readonly scope: "container";
  /** "containers": regular containers only; "all": init, regular and ephemeral. */
  readonly containers: "containers" | "all";
  readonly check: string;
  /** Static message; the failing container names are appended. */
  readonly message: string;
}

/** Checks a pod spec or a whole object. */
export interface ObjectRule extends RuleBase {
  /**
   * Where a finding points: a field path from the pod spec (scope "pod") or from the object (scope
   * "object"). A missing field falls back to its nearest present parent.
   */
  readonly field?: readonly (string | number)[];
  readonly scope: "pod" | "object";
  /** Only for scope "object": what the policy matches. Scope "pod" matches pods and every workload. */
  readonly match?: readonly ResourceMatch[];
  readonly check: string;
  readonly message: string;
  /** Optional CEL for a more precise message; must evaluate to a string. */
  readonly messageExpression?: string;
}

export type LibraryRule = ContainerRule | ObjectRule;

/** Resources whose objects carry a pod template (or are pods). */
export const podResources: readonly ResourceMatch[] = [
  {
    apiGroups: [""],
    apiVersions: ["v1"],
    resources: ["pods", "replicationcontrollers"],
    kinds: ["Pod", "ReplicationController"],
  },
  {
    apiGroups: ["apps"],
    apiVersions: ["v1"],
    resources: ["deployments", "statefulsets", "daemonsets", "replicasets"],
    kinds: ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"],
  },
  { apiGroups: ["batch"], apiVersions: ["v1"], resources: ["jobs", "cronjobs"], kinds: ["Job", "CronJob"] },
];

export function resourcesOf(rule: LibraryRule): readonly ResourceMatch[] {
  if (rule.scope === "object") return rule.match ?? [];
  return podResources;
}

/** A CEL string literal (single-quoted) for a constant we put into an expression. */
export function celString(s: string): string {
  return `'${s.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

export const res = {
  deployments: {
    apiGroups: ["apps"],
    apiVersions: ["v1"],
    resources: ["deployments"],
    kinds: ["Deployment"],
  },
  statefulsets: {
    apiGroups: ["apps"],
    apiVersions: ["v1"],
    resources: ["statefulsets"],
    kinds: ["StatefulSet"],
  },
  jobs: { apiGroups: ["batch"], apiVersions: ["v1"], resources: ["jobs"], kinds: ["Job"] },
  cronjobs: { apiGroups: ["batch"], apiVersions: ["v1"], resources: ["cronjobs"], kinds: ["CronJob"] },
  services: { apiGroups: [""], apiVersions: ["v1"], resources: ["services"], kinds: ["Service"] },
  namespaces: { apiGroups: [""], apiVersions: ["v1"], resources: ["namespaces"], kinds: ["Namespace"] },
  ingresses: {
    apiGroups: ["networking.k8s.io"],
    apiVersions: ["v1"],
    resources: ["ingresses"],
    kinds: ["Ingress"],
  },
  httproutes: {
    apiGroups: ["gateway.networking.k8s.io"],
    apiVersions: ["v1"],
    resources: ["httproutes"],
    kinds: ["HTTPRoute"],
  },
  roles: {
    apiGroups: ["rbac.authorization.k8s.io"],
    apiVersions: ["v1"],
    resources: ["roles", "clusterroles"],
    kinds: ["Role", "ClusterRole"],
  },
  bindings: {
    apiGroups: ["rbac.authorization.k8s.io"],
    apiVersions: ["v1"],
    resources: ["rolebindings", "clusterrolebindings"],
    kinds: ["RoleBinding", "ClusterRoleBinding"],
  },
} as const satisfies Record<string, ResourceMatch>;
