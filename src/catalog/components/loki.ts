import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "loki",
  area: "logging",
  name: "Grafana Loki",
  description:
    "Log store that indexes only labels and keeps chunks in object storage: cheap to run and queried from the same Grafana as metrics. The chart moved to the grafana-community repository in 2026. Needs an S3-compatible bucket (Ceph RGW, MinIO or an appliance).",
  levels: { SUP: "recommended", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
    said: "Loki as a lighter alternative to the EFK stack (Elasticsearch, Fluentd, Kibana).",
  },
  deviation:
    "The EFK stack the recipe centred on is heavy and Elasticsearch changed licence; Loki with Alloy is the usual 2026 default, so it leads the logging group.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/grafana/loki/releases",
    "https://github.com/grafana/loki/issues/20705",
    "https://grafana.com/docs/loki/latest/",
  ],
  install: {
    kind: "helm",
    repo: "https://grafana-community.github.io/helm-charts",
    chart: "loki",
    version: "18.4.2",
    appVersion: "3.7.6",
  },
  runtime: {
    namespace: "logging",
    podSecurity: "restricted",
    ports: [
      { port: 3100, protocol: "TCP", from: "cluster", purpose: "push and query API (gateway)" },
      { port: 9095, protocol: "TCP", from: "cluster", purpose: "gRPC between Loki components" },
      { port: 7946, protocol: "TCP", from: "cluster", purpose: "memberlist gossip" },
    ],
    needsApiServer: false,
    needsEgress: true,
    values: {
      deploymentMode: "SimpleScalable",
      loki: {
        auth_enabled: false,
        storage: { type: "s3" },
        podSecurityContext: {
          runAsNonRoot: true,
          runAsUser: 10001,
          fsGroup: 10001,
          seccompProfile: { type: "RuntimeDefault" },
        },
        containerSecurityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
        },
      },
      // The chart's default memcached sizes ask for many GiB; keep them modest.
      chunksCache: { allocatedMemory: 1024 },
      resultsCache: { allocatedMemory: 256 },
      write: {
        replicas: 3,
        resources: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "2Gi" } },
      },
      read: {
        replicas: 2,
        resources: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "2Gi" } },
      },
      backend: {
        replicas: 2,
        resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } },
      },
      lokiCanary: { enabled: false },
      test: { enabled: false },
    },
  },
  provides: ["log-store"],
  alternatives: { group: "logging", rank: 1 },
} satisfies CatalogEntryInput;
