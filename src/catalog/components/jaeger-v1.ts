import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "jaeger-v1",
  area: "tracing",
  name: "Jaeger v1 and the Jaeger Operator",
  description:
    "The original Jaeger agent/collector/query deployment, usually installed by the Jaeger Operator.",
  levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
    said: "Jaeger (with its operator) for distributed tracing.",
  },
  deviation:
    "Jaeger v1 is end of life and the operator is deprecated; use Jaeger v2 or Tempo with the OpenTelemetry Collector.",
  status: "retired",
  replacement: "jaeger",
  statusReason:
    "Jaeger v1 reached end of life on 2025-12-31; the Jaeger Operator is deprecated in favour of the OpenTelemetry Operator.",
  verified: "2026-11-25",
  sources: [
    "https://github.com/jaegertracing/jaeger/issues/6321",
    "https://github.com/jaegertracing/jaeger-operator",
  ],
} satisfies CatalogEntryInput;
