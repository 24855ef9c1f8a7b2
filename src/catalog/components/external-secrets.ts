import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "external-secrets",
  area: "secrets",
  name: "External Secrets Operator",
  description:
    "Syncs secrets from a secret store (OpenBao, Vault, cloud or password managers) into Kubernetes Secrets through ExternalSecret objects that can live in Git. Uses the v1 API (v1beta1 deprecated).",
  levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
    said: "A secrets operator syncs secrets from Vault into the cluster.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/external-secrets/external-secrets/releases",
    "https://external-secrets.io/latest/",
  ],
  install: {
    kind: "helm",
    repo: "https://charts.external-secrets.io",
    chart: "external-secrets",
    version: "2.6.0",
  },
  runtime: {
    namespace: "external-secrets",
    podSecurity: "restricted",
    ports: [
      { port: 10250, protocol: "TCP", from: "nodes", purpose: "conversion and validation webhook" },
      { port: 8080, protocol: "TCP", from: "monitoring", purpose: "metrics" },
    ],
    needsApiServer: true,
    needsEgress: true,
    values: {
      installCRDs: true,
      replicaCount: 2,
      resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "512Mi" } },
      webhook: {
        replicaCount: 2,
        resources: { requests: { cpu: "20m", memory: "64Mi" }, limits: { memory: "256Mi" } },
      },
      certController: {
        resources: { requests: { cpu: "20m", memory: "64Mi" }, limits: { memory: "256Mi" } },
      },
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
    },
  },
  requires: ["secrets-backend"],
  provides: ["secret-sync"],
} satisfies CatalogEntryInput;
