import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "kyverno",
  area: "policy",
  name: "Kyverno",
  description:
    "Kubernetes-native policy engine (CNCF): validate, mutate, generate and clean up resources, verify image signatures, and produce policy reports. The option when built-in VAP/MAP are not enough (generation, image verification, reports for auditors).",
  levels: { SUP: "optional", MBU: "optional", ENT: "recommended" },
  seed: {
    levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
    said: "Not in the recipe; it used OPA Gatekeeper.",
  },
  deviation:
    "Built-in CEL policies cover validation, but enterprises and audited platforms still need generation, image-signature verification and policy reports, which Kyverno provides with YAML policies.",
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/kyverno/kyverno/releases", "https://kyverno.io/docs/"],
  install: {
    kind: "helm",
    repo: "https://kyverno.github.io/kyverno/",
    chart: "kyverno",
    version: "3.9.1",
    appVersion: "v1.19.0",
  },
  runtime: {
    namespace: "kyverno",
    podSecurity: "restricted",
    ports: [
      { port: 9443, protocol: "TCP", from: "nodes", purpose: "admission webhooks called by the API server" },
      { port: 8000, protocol: "TCP", from: "monitoring", purpose: "metrics" },
    ],
    needsApiServer: true,
    needsEgress: true,
    values: {
      admissionController: {
        replicas: 3,
        container: { resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "768Mi" } } },
      },
      backgroundController: {
        replicas: 2,
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "512Mi" } },
      },
      reportsController: {
        replicas: 2,
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "512Mi" } },
      },
      cleanupController: {
        replicas: 2,
        resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "256Mi" } },
      },
    },
  },
  provides: ["policy-engine"],
  alternatives: { group: "policy-engine", rank: 1 },
  includeWhen: [
    {
      fact: "complianceRequired",
      equals: true,
      because: "your audits ask for policy reports and verified image signatures",
      otherwise: "you have no audit that asks for policy reports",
    },
  ],
} satisfies CatalogEntryInput;
