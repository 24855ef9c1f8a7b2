import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "openbao",
  area: "secrets",
  name: "OpenBao",
  description:
    "MPL-2.0 fork of HashiCorp Vault (Linux Foundation / OpenSSF): secret storage, dynamic database credentials, PKI and transit encryption, API-compatible with Vault clients. Runs as a three-node Raft cluster; unsealing must be planned (auto-unseal with an HSM or transit key for larger setups).",
  levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
    said: "HashiCorp Vault as the central secret store.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/openbao/openbao/releases",
    "https://github.com/openbao/openbao-helm",
    "https://openbao.org/docs/",
  ],
  install: {
    kind: "helm",
    repo: "https://openbao.github.io/openbao-helm",
    chart: "openbao",
    version: "0.29.2",
    appVersion: "2.5.5",
  },
  runtime: {
    namespace: "openbao",
    podSecurity: "restricted",
    ports: [
      { port: 8200, protocol: "TCP", from: "cluster", purpose: "API (TLS)" },
      {
        port: 8201,
        protocol: "TCP",
        from: "cluster",
        purpose: "Raft and request forwarding between servers",
      },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      global: { tlsDisable: false },
      injector: { enabled: false },
      server: {
        ha: { enabled: true, replicas: 3, raft: { enabled: true } },
        dataStorage: { enabled: true, size: "10Gi" },
        auditStorage: { enabled: true, size: "10Gi" },
        resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "1Gi" } },
      },
      ui: { enabled: true },
    },
  },
  requires: ["certificates"],
  provides: ["secrets-backend"],
  includeWhen: [
    {
      fact: "complianceRequired",
      equals: true,
      because: "your audits require secrets with access logs and rotation",
      otherwise: "encrypted secrets in Git are enough for your size",
    },
  ],
} satisfies CatalogEntryInput;
