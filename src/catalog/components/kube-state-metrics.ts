import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "kube-state-metrics",
  area: "metrics",
  name: "kube-state-metrics",
  description:
    "Exposes the state of Kubernetes objects (deployments, pods, nodes, jobs…) as Prometheus metrics. kube-prometheus-stack already bundles and configures it, so install this separately only when you do not run that stack (for example with a different metrics backend).",
  levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
    said: "kube-state-metrics for object-level metrics in Prometheus.",
  },
  deviation:
    "Still needed everywhere, but it comes with kube-prometheus-stack; a separate installation would duplicate every series, so the standalone chart is optional.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/kubernetes/kube-state-metrics",
    "https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-state-metrics",
  ],
  install: {
    kind: "helm",
    repo: "https://prometheus-community.github.io/helm-charts",
    chart: "kube-state-metrics",
    version: "7.8.1",
  },
  runtime: {
    namespace: "monitoring",
    podSecurity: "restricted",
    ports: [
      { port: 8080, protocol: "TCP", from: "monitoring", purpose: "object metrics" },
      { port: 8081, protocol: "TCP", from: "monitoring", purpose: "self metrics" },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "256Mi" } },
      securityContext: {
        enabled: true,
        runAsNonRoot: true,
        runAsUser: 65534,
        fsGroup: 65534,
        seccompProfile: { type: "RuntimeDefault" },
      },
      containerSecurityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      },
    },
  },
} satisfies CatalogEntryInput;
