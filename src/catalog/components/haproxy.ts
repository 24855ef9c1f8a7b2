import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "haproxy",
  area: "ingress",
  name: "HAProxy Unified Gateway",
  description:
    "HAProxy Technologies' Gateway API implementation (HUG, 1.x since March 2026). For Ingress-only setups the same vendor's kubernetes-ingress controller (chart kubernetes-ingress 1.49.x) remains; the community HAProxy Ingress was renamed N42 Gateway. Pick it when the organisation already standardises on HAProxy.",
  levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
    said: "HAProxy ingress as an alternative ingress controller.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/haproxytech/helm-charts",
    "https://github.com/haproxytech/kubernetes-ingress",
    "https://www.haproxy.com/documentation/",
  ],
  install: {
    kind: "helm",
    repo: "https://haproxytech.github.io/helm-charts",
    chart: "haproxy-unified-gateway",
    version: "1.2.0",
  },
  runtime: {
    namespace: "haproxy-gateway",
    podSecurity: "restricted",
    ports: [
      { port: 8443, protocol: "TCP", from: "ingress", purpose: "HTTPS listener (published as 443)" },
      { port: 8080, protocol: "TCP", from: "ingress", purpose: "HTTP listener (published as 80)" },
      { port: 1024, protocol: "TCP", from: "monitoring", purpose: "stats and metrics" },
    ],
    needsApiServer: true,
    needsEgress: false,
  },
  requires: ["gateway-api-crds"],
  provides: ["gateway-api", "ingress-controller"],
  alternatives: { group: "gateway", rank: 3 },
} satisfies CatalogEntryInput;
