import type { CatalogEntryInput } from "../schema.js";
import { statefulWorkloads } from "../conditions.js";

export default {
  id: "rook-ceph",
  area: "storage",
  name: "Rook (Ceph)",
  description:
    "Operator that runs Ceph (v20 Tentacle by default) on the cluster's disks: block (RBD), shared file (CephFS) and S3 object storage (RGW) from one system (CNCF graduated). Install the rook-ceph operator chart, then the rook-ceph-cluster chart at the same version. Use 1.20.5 or newer for CVE-2025-30156.",
  levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "Rook with Ceph for block, file and object storage.",
  },
  deviation:
    "Ceph needs real expertise and at least three storage nodes; a startup team is better served by Longhorn, and medium platforms only choose Ceph when they need its object or file storage.",
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/rook/rook/releases", "https://rook.io/docs/rook/latest/"],
  install: {
    kind: "helm",
    repo: "https://charts.rook.io/release",
    chart: "rook-ceph",
    version: "v1.20.7",
    companions: [{ chart: "rook-ceph-cluster", version: "v1.20.7", order: "after" }],
  },
  runtime: {
    namespace: "rook-ceph",
    podSecurity: "privileged",
    podSecurityReason:
      "Ceph OSDs own raw disks and the CSI node plugins map and mount RBD/CephFS volumes on the host: they need privileged mode, hostPath /dev and /var/lib/rook, and host networking is common for mons.",
    ports: [
      { port: 6789, protocol: "TCP", from: "nodes", purpose: "Ceph monitor (msgr v1)" },
      { port: 3300, protocol: "TCP", from: "nodes", purpose: "Ceph monitor (msgr v2)" },
      { port: 6800, protocol: "TCP", from: "nodes", purpose: "OSD and manager daemons (6800-7300)" },
      { port: 9283, protocol: "TCP", from: "monitoring", purpose: "Ceph manager Prometheus metrics" },
      {
        port: 8443,
        protocol: "TCP",
        from: "ingress",
        purpose: "Ceph dashboard (through the gateway, behind SSO)",
      },
    ],
    needsApiServer: true,
    needsEgress: false,
    values: {
      crds: { enabled: true },
      enableDiscoveryDaemon: false,
      monitoring: { enabled: true },
      resources: { requests: { cpu: "200m", memory: "128Mi" }, limits: { memory: "512Mi" } },
      csi: { enableRbdDriver: true, enableCephfsDriver: true },
    },
  },
  provides: ["storage", "block-storage", "object-storage"],
  alternatives: {
    group: "storage",
    rank: 2,
    preferWhen: [
      {
        fact: "targetGroup",
        equals: "ENT",
        because: "an enterprise platform needs Ceph's scale and its block, file and object storage",
        otherwise: "a smaller platform is better served by simpler storage",
      },
    ],
  },
  onlyWhen: [statefulWorkloads],
} satisfies CatalogEntryInput;
