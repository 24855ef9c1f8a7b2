import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "falco",
  area: "runtime-security",
  name: "Falco",
  description:
    "Runtime threat detection (CNCF graduated): watches system calls with the modern eBPF probe and Kubernetes audit events, and alerts on shells in containers, unexpected network connections, privilege escalation and similar. Chart 9 removed the legacy eBPF probe and gRPC output.",
  levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
    said: "Falco for runtime security in larger or regulated environments.",
  },
  deviation:
    "Container escapes and supply-chain attacks (such as the 2026 Trivy compromise) made runtime detection part of the baseline for enterprises and recommended for medium platforms; a startup under audit can opt in.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/falcosecurity/falco/releases",
    "https://github.com/falcosecurity/charts",
    "https://falco.org/docs/",
  ],
  install: {
    kind: "helm",
    repo: "https://falcosecurity.github.io/charts",
    chart: "falco",
    version: "9.2.0",
    appVersion: "0.45.0",
  },
  runtime: {
    namespace: "falco",
    podSecurity: "privileged",
    podSecurityReason:
      "Falco loads an eBPF probe and reads every system call on the node: it needs privileged capabilities (BPF, PERFMON, SYS_RESOURCE), hostPID and hostPath mounts of /proc and the container runtime socket.",
    ports: [
      { port: 8765, protocol: "TCP", from: "monitoring", purpose: "metrics and health" },
      { port: 2801, protocol: "TCP", from: "cluster", purpose: "Falcosidekick alert forwarding" },
    ],
    needsApiServer: true,
    needsEgress: true,
    values: {
      driver: { kind: "modern_ebpf" },
      tty: false,
      resources: { requests: { cpu: "100m", memory: "512Mi" }, limits: { memory: "1Gi" } },
      metrics: { enabled: true },
      falcosidekick: { enabled: true, replicaCount: 2 },
    },
  },
  provides: ["runtime-detection"],
  includeWhen: [
    {
      fact: "complianceRequired",
      equals: true,
      because: "your audits ask for intrusion detection on the nodes",
      otherwise: "you have no audit that asks for intrusion detection",
    },
  ],
} satisfies CatalogEntryInput;
