import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "linkerd",
  area: "mesh",
  name: "Linkerd",
  description:
    "Lightweight sidecar service mesh with a Rust micro-proxy: mTLS, retries and golden metrics with little configuration. The open-source project now publishes edge releases only (weekly builds, versioned by date); stable releases come only from Buoyant Enterprise for Linkerd. Install linkerd-crds and linkerd-control-plane at the same edge version, with linkerd-cni so application namespaces stay restricted.",
  levels: { SUP: "not-needed", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "optional" },
    said: "Linkerd as the lighter service mesh.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/linkerd/linkerd2/releases",
    "https://linkerd.io/releases/",
    "https://linkerd.io/2024/02/21/announcing-linkerd-2.15/",
  ],
  install: {
    kind: "helm",
    repo: "https://helm.linkerd.io/edge",
    chart: "linkerd-control-plane",
    version: "2026.9.1",
    companions: [{ chart: "linkerd-crds", version: "2026.9.1", order: "before" }],
    appVersion: "edge-26.9.1",
  },
  runtime: {
    namespace: "linkerd",
    podSecurity: "privileged",
    podSecurityReason:
      "Without the CNI plugin each meshed pod's proxy-init container needs NET_ADMIN and NET_RAW, and the linkerd-cni DaemonSet writes host CNI configuration through hostPath; both exceed Pod Security baseline.",
    ports: [
      { port: 8086, protocol: "TCP", from: "cluster", purpose: "destination service for proxies" },
      { port: 8080, protocol: "TCP", from: "cluster", purpose: "identity service (certificate signing)" },
      { port: 8443, protocol: "TCP", from: "nodes", purpose: "proxy injector webhook" },
      { port: 4191, protocol: "TCP", from: "monitoring", purpose: "proxy admin and metrics" },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      controllerReplicas: 2,
      enablePodAntiAffinity: true,
      identity: { externalCA: true, issuer: { scheme: "kubernetes.io/tls" } },
      cniEnabled: true,
    },
  },
  requires: ["certificates"],
  provides: ["service-mesh", "mtls"],
  conflicts: ["istio-ambient"],
  alternatives: { group: "mesh", rank: 2 },
} satisfies CatalogEntryInput;
