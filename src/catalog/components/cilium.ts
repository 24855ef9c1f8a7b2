import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "cilium",
  area: "cni",
  name: "Cilium",
  description:
    "eBPF-based CNI (CNCF graduated): pod networking, NetworkPolicy plus L7 policy, kube-proxy replacement, Hubble flow visibility, and optionally Gateway API and transparent encryption. The 2026 default CNI.",
  levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
    said: "Cilium as the advanced, eBPF-based alternative to Calico.",
  },
  deviation:
    "Cilium has become the most common CNI for new clusters (graduated, kube-proxy replacement now that IPVS is deprecated, Hubble observability), so it is the first choice in the CNI group; Calico remains the alternative.",
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/cilium/cilium/releases", "https://docs.cilium.io/", "https://helm.cilium.io"],
  install: { kind: "helm", repo: "https://helm.cilium.io", chart: "cilium", version: "1.20.4" },
  runtime: {
    namespace: "kube-system",
    podSecurity: "privileged",
    podSecurityReason:
      "The Cilium agent loads eBPF programs and manages host networking: it needs hostNetwork, privileged capabilities (NET_ADMIN, SYS_ADMIN, BPF) and hostPath mounts of /sys/fs/bpf and /opt/cni.",
    ports: [
      { port: 4240, protocol: "TCP", from: "nodes", purpose: "node-to-node health checks" },
      { port: 8472, protocol: "UDP", from: "nodes", purpose: "VXLAN overlay" },
      { port: 4244, protocol: "TCP", from: "nodes", purpose: "Hubble server" },
      { port: 4245, protocol: "TCP", from: "cluster", purpose: "Hubble Relay" },
      { port: 9962, protocol: "TCP", from: "monitoring", purpose: "agent metrics" },
      { port: 9963, protocol: "TCP", from: "monitoring", purpose: "operator metrics" },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      kubeProxyReplacement: true,
      ipam: { mode: "kubernetes" },
      operator: {
        replicas: 2,
        prometheus: { enabled: true },
        resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "512Mi" } },
      },
      resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } },
      prometheus: { enabled: true },
      hubble: { enabled: true, relay: { enabled: true }, ui: { enabled: false } },
      // Lets a service mesh CNI plugin (Istio ambient) chain after Cilium.
      cni: { exclusive: false },
    },
  },
  provides: ["cni", "network-policy"],
  conflicts: ["calico"],
  alternatives: { group: "cni", rank: 1 },
} satisfies CatalogEntryInput;
