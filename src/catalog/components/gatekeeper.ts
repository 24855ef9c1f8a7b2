import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "gatekeeper",
  area: "policy",
  name: "OPA Gatekeeper",
  description:
    "Admission webhook that enforces Rego (and CEL) constraint templates with audit of existing objects. Worth keeping where an organisation already writes OPA/Rego policies for other systems.",
  levels: { SUP: "not-needed", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
    said: "OPA Gatekeeper enforces organisation policies as an admission webhook.",
  },
  deviation:
    "Built-in ValidatingAdmissionPolicy now covers most validation without a webhook, and Kyverno is simpler for mutation and reports; Gatekeeper remains an option for Rego shops.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/open-policy-agent/gatekeeper/releases",
    "https://open-policy-agent.github.io/gatekeeper/website/docs/",
  ],
  install: {
    kind: "helm",
    repo: "https://open-policy-agent.github.io/gatekeeper/charts",
    chart: "gatekeeper",
    version: "3.23.0",
  },
  runtime: {
    namespace: "gatekeeper-system",
    podSecurity: "restricted",
    ports: [
      { port: 8443, protocol: "TCP", from: "nodes", purpose: "admission webhook called by the API server" },
      { port: 8888, protocol: "TCP", from: "monitoring", purpose: "metrics" },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      replicas: 3,
      controllerManager: {
        resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } },
      },
      audit: { resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } } },
    },
  },
  provides: ["policy-engine"],
  alternatives: { group: "policy-engine", rank: 2 },
} satisfies CatalogEntryInput;
