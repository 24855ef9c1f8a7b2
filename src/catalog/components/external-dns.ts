import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "external-dns",
  area: "dns",
  name: "ExternalDNS",
  description:
    "Creates DNS records for Gateway API routes and Services in the organisation's DNS (RFC 2136 for BIND/Windows DNS, PowerDNS, Infoblox and others), so new applications are reachable without a ticket to the DNS team. Uses upsert-only with a TXT ownership registry so it never deletes records it did not create.",
  levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "ExternalDNS manages DNS records for exposed services.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/kubernetes-sigs/external-dns/releases",
    "https://kubernetes-sigs.github.io/external-dns/",
  ],
  install: {
    kind: "helm",
    repo: "https://kubernetes-sigs.github.io/external-dns/",
    chart: "external-dns",
    version: "1.22.0",
  },
  runtime: {
    namespace: "external-dns",
    podSecurity: "restricted",
    ports: [{ port: 7979, protocol: "TCP", from: "monitoring", purpose: "metrics" }],
    needsApiServer: true,
    needsEgress: true,
    values: {
      provider: { name: "rfc2136" },
      policy: "upsert-only",
      registry: "txt",
      sources: ["gateway-httproute", "gateway-grpcroute", "gateway-tlsroute", "service"],
      resources: { requests: { cpu: "20m", memory: "64Mi" }, limits: { memory: "128Mi" } },
      podSecurityContext: { runAsNonRoot: true, fsGroup: 65534, seccompProfile: { type: "RuntimeDefault" } },
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 65532,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      },
    },
  },
  requires: ["gateway-api"],
  provides: ["dns-automation"],
  includeWhen: [
    {
      fact: "externalExposure",
      equals: true,
      because: "your applications are reachable from outside the cluster and need DNS names",
      otherwise: "nothing is exposed outside the cluster, so DNS records can be managed by hand",
    },
  ],
} satisfies CatalogEntryInput;
