import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "alloy",
  area: "logging",
  name: "Grafana Alloy",
  description:
    "Grafana's OpenTelemetry Collector distribution, run as a DaemonSet that tails container and node logs and ships them to Loki (it can also forward metrics and traces). Replaces Promtail and Grafana Agent, both end of life.",
  levels: { SUP: "recommended", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
    said: "Fluentd (or Promtail with Loki) collects the logs on every node.",
  },
  deviation:
    "Promtail reached end of life on 2026-03-02 and Fluentd is in maintenance; Alloy is Loki's supported collector, so it follows Loki's levels.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/grafana/alloy/releases",
    "https://github.com/grafana/helm-charts/tree/main/charts/alloy",
    "https://grafana.com/docs/alloy/latest/",
  ],
  install: {
    kind: "helm",
    repo: "https://grafana.github.io/helm-charts",
    chart: "alloy",
    version: "1.14.1",
    appVersion: "v1.21.2",
  },
  runtime: {
    namespace: "logging-agents",
    podSecurity: "privileged",
    podSecurityReason:
      "Reading node and container logs needs hostPath mounts of /var/log (and the container runtime's log directory), which Pod Security baseline forbids; the agent itself runs without privileged mode and with a read-only root filesystem.",
    ports: [
      { port: 12345, protocol: "TCP", from: "monitoring", purpose: "HTTP server: metrics and debug UI" },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      controller: { type: "daemonset" },
      alloy: {
        mounts: { varlog: true },
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "512Mi" } },
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
        },
      },
    },
  },
  requires: ["loki"],
  provides: ["log-collector"],
  alternatives: { group: "log-collector", rank: 1 },
} satisfies CatalogEntryInput;
