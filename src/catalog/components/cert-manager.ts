import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "cert-manager",
  area: "certs",
  name: "cert-manager",
  description:
    "Issues and renews X.509 certificates from ACME, an internal CA or Vault/OpenBao PKI, for gateways, webhooks and service-to-service TLS (CNCF graduated).",
  levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
    said: "cert-manager for automatic TLS certificates.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://cert-manager.io/docs/releases/",
    "https://github.com/cert-manager/cert-manager/releases",
  ],
  install: { kind: "helm", repo: "https://charts.jetstack.io", chart: "cert-manager", version: "v1.21.2" },
  runtime: {
    namespace: "cert-manager",
    podSecurity: "restricted",
    ports: [
      { port: 10250, protocol: "TCP", from: "nodes", purpose: "webhook called by the API server" },
      { port: 9402, protocol: "TCP", from: "monitoring", purpose: "controller metrics" },
    ],
    needsApiServer: true,
    needsEgress: true,
    values: {
      crds: { enabled: true, keep: true },
      replicaCount: 2,
      podDisruptionBudget: { enabled: true },
      resources: { requests: { cpu: "20m", memory: "64Mi" }, limits: { memory: "256Mi" } },
      webhook: {
        replicaCount: 2,
        resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } },
      },
      cainjector: { resources: { requests: { cpu: "10m", memory: "64Mi" }, limits: { memory: "256Mi" } } },
      securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
      containerSecurityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      },
      prometheus: { enabled: true },
    },
  },
  requires: ["cni"],
  provides: ["certificates"],
} satisfies CatalogEntryInput;
