import type { CatalogEntryInput } from "../schema.js";
import { manyApps } from "../conditions.js";

export default {
  id: "jaeger",
  area: "tracing",
  name: "Jaeger v2",
  description:
    "Jaeger v2 (CNCF graduated) is built on the OpenTelemetry Collector and stores traces in OpenSearch, Elasticsearch, Cassandra or Badger, with its own search UI. A good fit when OpenSearch already runs for logs.",
  levels: { SUP: "optional", MBU: "optional", ENT: "recommended" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
    said: "Distributed tracing with Jaeger for larger platforms.",
  },
  deviation:
    "Jaeger v1 is end of life; v2 stays an alternative to Tempo and, like it, is offered to every size that runs many services.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/jaegertracing/jaeger/releases",
    "https://github.com/jaegertracing/helm-charts",
    "https://www.jaegertracing.io/docs/latest/",
  ],
  install: {
    kind: "helm",
    repo: "https://jaegertracing.github.io/helm-charts",
    chart: "jaeger",
    version: "4.1.0",
  },
  runtime: {
    namespace: "tracing",
    podSecurity: "restricted",
    ports: [
      { port: 4317, protocol: "TCP", from: "cluster", purpose: "OTLP gRPC ingest" },
      { port: 4318, protocol: "TCP", from: "cluster", purpose: "OTLP HTTP ingest" },
      {
        port: 16686,
        protocol: "TCP",
        from: "ingress",
        purpose: "query UI (through the gateway, behind SSO)",
      },
      { port: 8888, protocol: "TCP", from: "monitoring", purpose: "collector metrics" },
    ],
    needsApiServer: false,
    needsEgress: false,
  },
  provides: ["tracing-backend"],
  alternatives: {
    group: "tracing-backend",
    rank: 2,
    preferWhen: [
      {
        fact: "complianceRequired",
        equals: true,
        because: "OpenSearch already runs for audited logs and can store the traces too",
        otherwise: "no OpenSearch runs for logs, so Tempo's object storage is simpler",
      },
    ],
  },
  includeWhen: [manyApps],
} satisfies CatalogEntryInput;
