import type { CatalogEntryInput } from "../schema.js";
import { manyApps } from "../conditions.js";

export default {
  id: "tempo",
  area: "tracing",
  name: "Grafana Tempo",
  description:
    "Trace store that keeps spans in object storage and is queried from the same Grafana as metrics and logs (TraceQL, exemplars). Receives OTLP from the OpenTelemetry Collector. The chart moved to grafana-community in 2026.",
  levels: { SUP: "optional", MBU: "optional", ENT: "recommended" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
    said: "Distributed tracing with Jaeger for larger platforms.",
  },
  deviation:
    "Tempo reuses the object storage and Grafana already in place, so it leads the tracing group; a small team with many services may want it too, hence optional rather than not-needed.",
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/grafana/tempo/releases", "https://grafana.com/docs/tempo/latest/"],
  install: {
    kind: "helm",
    repo: "https://grafana-community.github.io/helm-charts",
    chart: "tempo-distributed",
    version: "3.0.3",
  },
  runtime: {
    namespace: "tracing",
    podSecurity: "restricted",
    ports: [
      { port: 4317, protocol: "TCP", from: "cluster", purpose: "OTLP gRPC ingest (distributor)" },
      { port: 4318, protocol: "TCP", from: "cluster", purpose: "OTLP HTTP ingest (distributor)" },
      { port: 3200, protocol: "TCP", from: "cluster", purpose: "query API for Grafana" },
      { port: 7946, protocol: "TCP", from: "cluster", purpose: "memberlist gossip" },
    ],
    needsApiServer: false,
    needsEgress: true,
    values: {
      traces: { otlp: { grpc: { enabled: true }, http: { enabled: true } } },
      storage: { trace: { backend: "s3" } },
      ingester: {
        replicas: 3,
        resources: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "2Gi" } },
      },
      distributor: { resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } } },
      querier: { resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } } },
    },
  },
  provides: ["tracing-backend"],
  alternatives: { group: "tracing-backend", rank: 1 },
  includeWhen: [manyApps],
} satisfies CatalogEntryInput;
