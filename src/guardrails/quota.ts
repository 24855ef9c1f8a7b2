import { dnsLabel } from "../core/names.js";
import { managedBy, type KubeObject } from "./types.js";

export type QuotaSize = "small" | "medium" | "large";

const sizes: Record<QuotaSize, { cpu: string; memory: string; pods: string; pvcs: string; storage: string }> =
  {
    small: { cpu: "4", memory: "8Gi", pods: "40", pvcs: "10", storage: "100Gi" },
    medium: { cpu: "16", memory: "32Gi", pods: "150", pvcs: "30", storage: "500Gi" },
    large: { cpu: "64", memory: "128Gi", pods: "500", pvcs: "100", storage: "2Ti" },
  };

/**
 * ResourceQuota and LimitRange for a workload namespace. The LimitRange gives every container
 * requests and a memory limit by default, so the quota never rejects a Pod that simply forgot them.
 */
export function quotaFor(namespace: string, size: QuotaSize): KubeObject[] {
  const s = sizes[size];
  const ns = dnsLabel(namespace);
  return [
    {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: {
        name: "team-quota",
        namespace: ns,
        labels: { ...managedBy, "bespoke.dev/quota-size": size },
      },
      spec: {
        hard: {
          "requests.cpu": s.cpu,
          "requests.memory": s.memory,
          "limits.memory": s.memory,
          pods: s.pods,
          persistentvolumeclaims: s.pvcs,
          "requests.storage": s.storage,
          "services.loadbalancers": "0",
          "services.nodeports": "0",
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: "team-defaults", namespace: ns, labels: { ...managedBy } },
      spec: {
        limits: [
          {
            type: "Container",
            defaultRequest: { cpu: "100m", memory: "128Mi" },
            default: { memory: "512Mi" },
            max: { memory: "8Gi" },
          },
        ],
      },
    },
  ];
}

/** Team size from the plan's facts: more apps per team, a bigger default quota. */
export function quotaSizeFor(apps: number, teams: number): QuotaSize {
  const perTeam = apps / Math.max(1, teams);
  return perTeam > 15 ? "large" : perTeam > 4 ? "medium" : "small";
}
