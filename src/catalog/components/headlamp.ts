import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "headlamp",
  area: "ui",
  name: "Headlamp",
  description:
    "Web and desktop UI for Kubernetes (kubernetes-sigs, SIG UI) with OIDC login, RBAC-aware views and plugins (Flux, Argo, Prometheus). The successor to Kubernetes Dashboard; users only see what their own RBAC allows.",
  levels: { SUP: "recommended", MBU: "recommended", ENT: "optional" },
  seed: {
    levels: { SUP: "recommended", MBU: "recommended", ENT: "optional" },
    said: "Kubernetes Dashboard or Octant as a web UI for developers.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/kubernetes-sigs/headlamp/releases", "https://headlamp.dev/docs/latest/"],
  install: {
    kind: "helm",
    repo: "https://kubernetes-sigs.github.io/headlamp/",
    chart: "headlamp",
    version: "0.43.0",
  },
  runtime: {
    namespace: "headlamp",
    podSecurity: "restricted",
    ports: [{ port: 4466, protocol: "TCP", from: "ingress", purpose: "web UI (through the gateway)" }],
    needsApiServer: true,
    needsEgress: false,
    values: {
      replicaCount: 2,
      resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } },
      podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 100,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      },
    },
  },
  requires: ["gateway-api"],
  provides: ["cluster-ui"],
} satisfies CatalogEntryInput;
