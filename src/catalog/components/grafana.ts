import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "grafana",
  area: "monitoring",
  name: "Grafana (standalone)",
  description:
    "A separate, central Grafana over the Prometheus, Loki and Tempo data of several clusters. A single cluster uses the Grafana bundled in kube-prometheus-stack instead. The chart moved to grafana-community in 2026; the old grafana/helm-charts chart is frozen.",
  levels: { SUP: "not-needed", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "optional" },
    said: "Grafana dashboards for the monitoring data (installed with the Prometheus stack).",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/grafana/grafana/releases",
    "https://github.com/grafana/helm-charts/issues/4087",
    "https://grafana.com/docs/grafana/latest/",
  ],
  install: {
    kind: "helm",
    repo: "https://grafana-community.github.io/helm-charts",
    chart: "grafana",
    version: "12.7.2",
    appVersion: "13.1.0",
  },
  runtime: {
    namespace: "grafana",
    podSecurity: "restricted",
    ports: [
      { port: 3000, protocol: "TCP", from: "ingress", purpose: "web UI (through the gateway, SSO login)" },
    ],
    needsApiServer: true,
    needsEgress: true,
    values: {
      replicas: 2,
      admin: { existingSecret: "grafana-admin" },
      persistence: { enabled: false },
      resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } },
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 472,
        fsGroup: 472,
        seccompProfile: { type: "RuntimeDefault" },
      },
      containerSecurityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      },
    },
  },
  requires: ["prometheus"],
  provides: ["dashboards"],
  includeWhen: [
    {
      fact: "multiCluster",
      equals: true,
      because: "you run several clusters and want one place for their dashboards",
      otherwise: "a single cluster is served by the Grafana bundled with kube-prometheus-stack",
    },
  ],
} satisfies CatalogEntryInput;
