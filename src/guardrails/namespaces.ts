import type { PodSecurityLevel } from "../catalog/schema.js";
import { dnsLabel } from "../core/names.js";
import { managedBy, type KubeObject } from "./types.js";
import { exceptionAnnotations } from "./exceptions.js";

export const podSecurityReasonAnnotation = "bespoke.dev/pod-security-reason";
/** Namespaces Kubernetes creates itself: never rendered, never fenced by our NetworkPolicies. */
export const systemNamespaces: ReadonlySet<string> = new Set([
  "kube-system",
  "kube-public",
  "kube-node-lease",
  "default",
]);

export interface NamespaceInput {
  readonly name: string;
  readonly podSecurity: PodSecurityLevel;
  /** Required by the catalog when the level is not restricted; kept on the object so a reviewer sees why. */
  readonly reason?: string;
  /** Kubernetes minor the PSA level is pinned to (e.g. v1.37), so an upgrade never tightens it silently. */
  readonly kubernetesVersion: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * A Namespace with Pod Security Admission labels. `audit` and `warn` stay at restricted even when
 * enforce is relaxed: the cluster keeps telling what a privileged component does beyond restricted.
 */
export function namespaceFor(input: NamespaceInput): KubeObject {
  const level = input.podSecurity;
  const labels: Record<string, string> = {
    ...input.labels,
    ...managedBy,
    "pod-security.kubernetes.io/enforce": level,
    "pod-security.kubernetes.io/enforce-version": input.kubernetesVersion,
    "pod-security.kubernetes.io/audit": "restricted",
    "pod-security.kubernetes.io/audit-version": input.kubernetesVersion,
    "pod-security.kubernetes.io/warn": "restricted",
    "pod-security.kubernetes.io/warn-version": input.kubernetesVersion,
  };
  const annotations: Record<string, string> = {};
  if (level !== "restricted") {
    const reason = input.reason ?? `${level} requested without a reason`;
    annotations[podSecurityReasonAnnotation] = reason;
    if (level === "privileged") Object.assign(annotations, exceptionAnnotations(["ns-psa-enforce"], reason));
  }
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: dnsLabel(input.name),
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
  };
}

const rank: Record<PodSecurityLevel, number> = { restricted: 0, baseline: 1, privileged: 2 };

/** Several components may share a namespace: the loosest level wins and every reason is kept. */
export function mergePodSecurity(
  members: readonly { podSecurity: PodSecurityLevel; reason?: string | undefined; who: string }[],
): { podSecurity: PodSecurityLevel; reason?: string } {
  let level: PodSecurityLevel = "restricted";
  for (const m of members) if (rank[m.podSecurity] > rank[level]) level = m.podSecurity;
  const reasons = members
    .filter((m) => m.podSecurity !== "restricted" && m.reason)
    .map((m) => `${m.who} (${m.podSecurity}): ${m.reason ?? ""}`);
  return reasons.length ? { podSecurity: level, reason: reasons.join(" | ") } : { podSecurity: level };
}
