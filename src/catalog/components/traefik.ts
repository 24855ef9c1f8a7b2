import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "traefik",
  area: "ingress",
  name: "Traefik Proxy",
  description:
    "Single-binary proxy that implements both Ingress and the Gateway API, with built-in ACME. Simple to run for a small team; a smooth migration target for ingress-nginx annotations.",
  levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
    said: "Traefik as an alternative ingress controller.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/traefik/traefik-helm-chart/releases", "https://doc.traefik.io/traefik/"],
  install: { kind: "helm", repo: "https://traefik.github.io/charts", chart: "traefik", version: "41.6.0" },
  runtime: {
    namespace: "traefik",
    podSecurity: "restricted",
    ports: [
      { port: 8443, protocol: "TCP", from: "ingress", purpose: "HTTPS entry point (published as 443)" },
      { port: 8000, protocol: "TCP", from: "ingress", purpose: "HTTP entry point (published as 80)" },
      { port: 9100, protocol: "TCP", from: "monitoring", purpose: "metrics" },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      deployment: { replicas: 2 },
      providers: {
        kubernetesGateway: { enabled: true },
        kubernetesIngress: { enabled: false },
      },
      resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "512Mi" } },
      securityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      },
      podSecurityContext: {
        runAsNonRoot: true,
        runAsUser: 65532,
        seccompProfile: { type: "RuntimeDefault" },
      },
    },
  },
  requires: ["gateway-api-crds"],
  provides: ["gateway-api", "ingress-controller"],
  alternatives: { group: "gateway", rank: 2 },
} satisfies CatalogEntryInput;
