import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "istio-ambient",
  area: "mesh",
  name: "Istio (ambient mode)",
  description:
    "Service mesh without sidecars (ambient mode GA since Istio 1.24): a per-node ztunnel gives every pod mTLS and L4 policy, optional waypoint proxies add L7 policy. Install the base, istiod, cni and ztunnel charts at the same version with profile=ambient. With Cilium, keep cni.exclusive=false.",
  levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
    said: "Istio as the service mesh for large platforms (Linkerd as the lighter option).",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://istio.io/latest/news/releases/1.30.x/",
    "https://istio.io/latest/docs/ambient/",
    "https://github.com/istio/istio/releases",
  ],
  install: {
    kind: "helm",
    repo: "https://istio-release.storage.googleapis.com/charts",
    chart: "istiod",
    version: "1.30.4",
    companions: [
      { chart: "base", version: "1.30.4", order: "before" },
      { chart: "cni", version: "1.30.4", order: "before", values: { profile: "ambient" } },
      { chart: "ztunnel", version: "1.30.4", order: "after" },
    ],
  },
  runtime: {
    namespace: "istio-system",
    podSecurity: "privileged",
    podSecurityReason:
      "The istio-cni node agent and ztunnel redirect pod traffic inside each pod's network namespace: they need NET_ADMIN/SYS_ADMIN, hostPath mounts for the CNI configuration and, for istio-cni, privileged mode.",
    ports: [
      {
        port: 15008,
        protocol: "TCP",
        from: "cluster",
        purpose: "HBONE mTLS tunnel between ztunnels and waypoints",
      },
      { port: 15012, protocol: "TCP", from: "cluster", purpose: "istiod xDS and certificate signing" },
      { port: 15017, protocol: "TCP", from: "nodes", purpose: "sidecar injector and validation webhooks" },
      { port: 15020, protocol: "TCP", from: "monitoring", purpose: "merged metrics" },
      { port: 15014, protocol: "TCP", from: "monitoring", purpose: "istiod control-plane metrics" },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      profile: "ambient",
      pilot: {
        replicaCount: 2,
        resources: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "2Gi" } },
      },
    },
  },
  requires: ["gateway-api-crds", "cni"],
  provides: ["service-mesh", "mtls"],
  conflicts: ["linkerd"],
  alternatives: { group: "mesh", rank: 1 },
  includeWhen: [
    {
      fact: "complianceRequired",
      equals: true,
      because: "your audits require encrypted and authenticated traffic between services",
      otherwise: "you have no requirement for mTLS between services",
    },
  ],
} satisfies CatalogEntryInput;
