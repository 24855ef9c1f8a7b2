import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "fluent-bit",
  area: "logging",
  name: "Fluent Bit",
  description:
    "Lightweight node log processor and forwarder (CNCF graduated under Fluentd), run as a DaemonSet. The usual shipper into OpenSearch; replaces Fluentd as the node agent.",
  levels: { SUP: "not-needed", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "Fluentd (the F of EFK) collects and forwards logs from every node.",
  },
  deviation:
    "Fluent Bit replaced Fluentd as the node agent; it is only needed with OpenSearch, so it follows OpenSearch's levels and conditions.",
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/fluent/fluent-bit/releases", "https://github.com/fluent/helm-charts"],
  install: {
    kind: "helm",
    repo: "https://fluent.github.io/helm-charts",
    chart: "fluent-bit",
    version: "5.1.2",
  },
  runtime: {
    namespace: "logging-agents",
    podSecurity: "privileged",
    podSecurityReason:
      "Reading node and container logs needs hostPath mounts of /var/log, which Pod Security baseline forbids; the agent runs without privileged mode and with a read-only root filesystem.",
    ports: [{ port: 2020, protocol: "TCP", from: "monitoring", purpose: "HTTP server: metrics and health" }],
    needsApiServer: true,
    needsEgress: false,
    values: {
      resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "256Mi" } },
      securityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      },
    },
  },
  requires: ["opensearch"],
  provides: ["log-collector"],
  alternatives: {
    group: "log-collector",
    rank: 2,
    preferWhen: [
      {
        fact: "complianceRequired",
        equals: true,
        because: "your logs go to OpenSearch for audits",
        otherwise: "your logs go to Loki",
      },
    ],
  },
  includeWhen: [
    {
      fact: "complianceRequired",
      equals: true,
      because: "your logs go to OpenSearch for audits",
      otherwise: "your logs go to Loki",
    },
  ],
} satisfies CatalogEntryInput;
