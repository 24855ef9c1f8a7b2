import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "calico",
  area: "cni",
  name: "Calico (Tigera operator)",
  description:
    "Mature CNI with NetworkPolicy, BGP peering with data-centre routers and an eBPF or nftables data plane, installed by the Tigera operator. Since 3.33 it ships a single image. A good fit when the network team wants BGP to top-of-rack switches.",
  levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
    said: "Calico as the default CNI for network policies.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/projectcalico/calico/releases/tag/v3.33.1",
    "https://docs.tigera.io/calico/latest/about/",
  ],
  install: {
    kind: "helm",
    repo: "https://docs.tigera.io/calico/charts",
    chart: "tigera-operator",
    version: "v3.33.1",
  },
  runtime: {
    namespace: "tigera-operator",
    podSecurity: "privileged",
    podSecurityReason:
      "calico-node programs routes, iptables/nftables or eBPF on every node: it needs hostNetwork, privileged mode and hostPath mounts for the CNI binaries and config.",
    ports: [
      { port: 179, protocol: "TCP", from: "nodes", purpose: "BGP peering" },
      { port: 4789, protocol: "UDP", from: "nodes", purpose: "VXLAN overlay" },
      { port: 5473, protocol: "TCP", from: "nodes", purpose: "Typha (datastore fan-out)" },
      { port: 9091, protocol: "TCP", from: "monitoring", purpose: "Felix metrics" },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      installation: {
        enabled: true,
        calicoNetwork: { bgp: "Disabled" },
      },
      resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "256Mi" } },
    },
  },
  provides: ["cni", "network-policy"],
  conflicts: ["cilium"],
  alternatives: { group: "cni", rank: 2 },
} satisfies CatalogEntryInput;
