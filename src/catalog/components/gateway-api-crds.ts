import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "gateway-api-crds",
  area: "ingress",
  name: "Gateway API CRDs",
  description:
    "The standard channel of the Kubernetes Gateway API (GatewayClass, Gateway, HTTPRoute, GRPCRoute, TLSRoute, ListenerSet, and since v1.6 TCPRoute/UDPRoute): the successor of Ingress. Applied once, cluster-wide, before any implementation; implementations that bundle the CRDs must match this version. It runs no pods.",
  levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
    said: "The recipe predates the Gateway API and used the Ingress resource with an ingress controller.",
  },
  deviation:
    "Gateway API is the standard L4/L7 API in 2026 and ingress-nginx is retired; every platform that exposes anything needs the CRDs.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/kubernetes-sigs/gateway-api/releases",
    "https://gateway-api.sigs.k8s.io/",
    "https://kubernetes.io/blog/2026/04/21/gateway-api-v1-5/",
  ],
  install: {
    kind: "manifests",
    source: "https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.6.2/standard-install.yaml",
    version: "v1.6.2",
  },
  runtime: {
    namespace: "gateway-system",
    podSecurity: "restricted",
    ports: [],
    needsApiServer: false,
    needsEgress: false,
  },
} satisfies CatalogEntryInput;
