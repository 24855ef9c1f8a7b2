import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "metrics-server",
  area: "metrics",
  name: "metrics-server",
  description:
    "Serves the resource metrics API (metrics.k8s.io) from kubelet data: needed by kubectl top and the Horizontal/Vertical Pod Autoscalers. v0.9 needs Kubernetes 1.34 or newer.",
  levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
    said: "metrics-server so that kubectl top and pod autoscaling work.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/kubernetes-sigs/metrics-server",
    "https://github.com/kubernetes-sigs/metrics-server/releases",
  ],
  install: {
    kind: "helm",
    repo: "https://kubernetes-sigs.github.io/metrics-server/",
    chart: "metrics-server",
    version: "3.14.0",
    appVersion: "0.9.0",
  },
  runtime: {
    namespace: "kube-system",
    podSecurity: "restricted",
    ports: [
      {
        port: 10250,
        protocol: "TCP",
        from: "nodes",
        purpose: "metrics API served to the API server aggregator",
      },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      replicas: 2,
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
      resources: { requests: { cpu: "100m", memory: "200Mi" }, limits: { memory: "400Mi" } },
      args: ["--kubelet-preferred-address-types=InternalIP"],
      securityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        runAsUser: 1000,
        capabilities: { drop: ["ALL"] },
        seccompProfile: { type: "RuntimeDefault" },
      },
    },
  },
  provides: ["resource-metrics"],
} satisfies CatalogEntryInput;
