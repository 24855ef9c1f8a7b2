import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "opensearch",
  area: "logging",
  name: "OpenSearch (+ Dashboards)",
  description:
    "Apache-2.0 search engine (OpenSearch Software Foundation) for full-text log search, with a security plugin for per-index access control and its own audit log, index state management for retention, and Dashboards (install the opensearch-dashboards chart, same version). Heavier to run than Loki; nodes need vm.max_map_count=262144 set by the OS.",
  levels: { SUP: "not-needed", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "The EFK stack (Elasticsearch, Fluentd, Kibana) for central logging, Open Distro for Elasticsearch for its security features.",
  },
  deviation:
    "Open Distro is archived and Elasticsearch left pure open source; OpenSearch replaces them, but only where audits need full-text search, field-level access control and tamper-evident retention of logs. Otherwise Loki is cheaper, and a small team should not run a search cluster.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/opensearch-project/helm-charts",
    "https://github.com/opensearch-project/OpenSearch/releases",
    "https://opensearch.org/docs/latest/",
  ],
  install: {
    kind: "helm",
    repo: "https://opensearch-project.github.io/helm-charts",
    chart: "opensearch",
    version: "3.8.0",
    companions: [{ chart: "opensearch-dashboards", version: "3.8.0", order: "after" }],
  },
  runtime: {
    namespace: "opensearch",
    podSecurity: "restricted",
    ports: [
      { port: 9200, protocol: "TCP", from: "cluster", purpose: "REST API (ingest and query)" },
      { port: 9300, protocol: "TCP", from: "cluster", purpose: "transport between OpenSearch nodes" },
      { port: 9600, protocol: "TCP", from: "monitoring", purpose: "performance analyzer / metrics" },
    ],
    needsApiServer: false,
    needsEgress: false,
    values: {
      replicas: 3,
      // vm.max_map_count is set on the nodes by the OS configuration, not by a privileged init container.
      sysctlInit: { enabled: false },
      persistence: { enabled: true, size: "100Gi" },
      resources: { requests: { cpu: "1", memory: "4Gi" }, limits: { memory: "4Gi" } },
      podSecurityContext: { fsGroup: 1000, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } },
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 1000,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ["ALL"] },
      },
    },
  },
  provides: ["log-store"],
  alternatives: {
    group: "logging",
    rank: 2,
    preferWhen: [
      {
        fact: "complianceRequired",
        equals: true,
        because: "your audits need full-text search, per-index access control and audited access to logs",
        otherwise: "you have no audit requirement that justifies running a search cluster",
      },
    ],
  },
  includeWhen: [
    {
      fact: "complianceRequired",
      equals: true,
      because: "your audits need full-text search, per-index access control and audited access to logs",
      otherwise: "you have no audit requirement that justifies running a search cluster",
    },
  ],
} satisfies CatalogEntryInput;
