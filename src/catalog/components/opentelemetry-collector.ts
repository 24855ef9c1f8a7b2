import type { CatalogEntryInput } from "../schema.js";
import { manyApps } from "../conditions.js";

export default {
  id: "opentelemetry-collector",
  area: "tracing",
  name: "OpenTelemetry Collector",
  description:
    "Vendor-neutral pipeline that receives OTLP traces (and metrics/logs) from applications, enriches them with Kubernetes attributes, samples and forwards them to the tracing backend. Applications only ever talk OTLP to it, so the backend can change. The OpenTelemetry Operator (chart opentelemetry-operator) can manage collectors and auto-instrumentation instead.",
  levels: { SUP: "optional", MBU: "optional", ENT: "recommended" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
    said: "Jaeger agents next to the applications collect spans.",
  },
  deviation:
    "OpenTelemetry replaced the Jaeger client libraries and agents; the collector follows the tracing backend's levels and conditions.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/open-telemetry/opentelemetry-collector-releases/releases",
    "https://github.com/open-telemetry/opentelemetry-helm-charts",
    "https://opentelemetry.io/docs/collector/",
  ],
  install: {
    kind: "helm",
    repo: "https://open-telemetry.github.io/opentelemetry-helm-charts",
    chart: "opentelemetry-collector",
    version: "0.174.0",
    appVersion: "0.161.0",
  },
  runtime: {
    namespace: "tracing",
    podSecurity: "restricted",
    ports: [
      { port: 4317, protocol: "TCP", from: "cluster", purpose: "OTLP gRPC from applications" },
      { port: 4318, protocol: "TCP", from: "cluster", purpose: "OTLP HTTP from applications" },
      { port: 8888, protocol: "TCP", from: "monitoring", purpose: "collector metrics" },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      mode: "deployment",
      replicaCount: 2,
      image: { repository: "otel/opentelemetry-collector-k8s" },
      presets: { kubernetesAttributes: { enabled: true } },
      resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } },
      securityContext: {
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
        seccompProfile: { type: "RuntimeDefault" },
      },
    },
  },
  requires: ["tracing-backend"],
  provides: ["telemetry-pipeline"],
  includeWhen: [manyApps],
} satisfies CatalogEntryInput;
