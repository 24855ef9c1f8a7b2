import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "envoy-gateway",
  area: "ingress",
  name: "Envoy Gateway",
  description:
    "Gateway API implementation from the Envoy project (CNCF graduated): a controller that provisions Envoy proxies per Gateway, with rate limiting, OIDC/JWT and mTLS policies. The default replacement for ingress-nginx.",
  levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
    said: "Not in the recipe; it chose ingress-nginx as the ingress controller.",
  },
  deviation:
    "ingress-nginx was retired in 2026; Envoy Gateway is the most complete, vendor-neutral Gateway API implementation and takes its place.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://gateway.envoyproxy.io/news/releases/v1.9/",
    "https://github.com/envoyproxy/gateway/releases",
  ],
  install: { kind: "helm", repo: "oci://docker.io/envoyproxy", chart: "gateway-helm", version: "v1.9.1" },
  runtime: {
    namespace: "envoy-gateway-system",
    podSecurity: "restricted",
    ports: [
      { port: 443, protocol: "TCP", from: "ingress", purpose: "HTTPS listeners of the Envoy proxies" },
      { port: 80, protocol: "TCP", from: "ingress", purpose: "HTTP listener (redirect to HTTPS)" },
      {
        port: 18000,
        protocol: "TCP",
        from: "cluster",
        purpose: "xDS from the controller to the Envoy proxies",
      },
      { port: 19001, protocol: "TCP", from: "monitoring", purpose: "Envoy proxy metrics" },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      deployment: {
        replicas: 2,
        envoyGateway: {
          resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } },
        },
      },
      podDisruptionBudget: { minAvailable: 1 },
    },
  },
  requires: ["gateway-api-crds"],
  provides: ["gateway-api", "ingress-controller"],
  alternatives: { group: "gateway", rank: 1 },
} satisfies CatalogEntryInput;
