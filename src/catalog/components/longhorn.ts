import type { CatalogEntryInput } from "../schema.js";
import { statefulWorkloads } from "../conditions.js";

export default {
  id: "longhorn",
  area: "storage",
  name: "Longhorn",
  description:
    "Replicated block storage built from the nodes' local disks (CNCF incubating), with snapshots, backups to S3/NFS and a simple UI. Easy to run for a small team on a few nodes; needs open-iscsi (or NVMe-oF for the V2 engine) on every node.",
  levels: { SUP: "recommended", MBU: "recommended", ENT: "optional" },
  seed: {
    levels: { SUP: "recommended", MBU: "recommended", ENT: "optional" },
    said: "Longhorn as simple distributed block storage for smaller clusters.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/longhorn/longhorn/releases", "https://longhorn.io/docs/"],
  install: { kind: "helm", repo: "https://charts.longhorn.io", chart: "longhorn", version: "1.12.1" },
  runtime: {
    namespace: "longhorn-system",
    podSecurity: "privileged",
    podSecurityReason:
      "longhorn-manager and the instance managers attach block devices on the host: they run privileged with hostPath mounts of /dev, /proc and the data path, and the CSI node plugin needs mount propagation.",
    ports: [
      { port: 9500, protocol: "TCP", from: "cluster", purpose: "longhorn-manager API" },
      {
        port: 8000,
        protocol: "TCP",
        from: "ingress",
        purpose: "Longhorn UI (through the gateway, behind SSO)",
      },
      { port: 9502, protocol: "TCP", from: "cluster", purpose: "admission and conversion webhooks" },
    ],
    needsApiServer: true,
    needsEgress: true,
    values: {
      persistence: { defaultClassReplicaCount: 3, reclaimPolicy: "Retain" },
      defaultSettings: { defaultReplicaCount: 3, storageMinimalAvailablePercentage: 15 },
      longhornUI: { replicas: 1 },
      preUpgradeChecker: { jobEnabled: true, upgradeVersionCheck: true },
    },
  },
  provides: ["storage", "block-storage"],
  alternatives: {
    group: "storage",
    rank: 1,
    preferWhen: [
      {
        fact: "targetGroup",
        in: ["SUP", "MBU"],
        because: "a small or medium platform team can run Longhorn without Ceph expertise",
        otherwise: "an enterprise platform needs Ceph's scale and object/file storage",
      },
    ],
  },
  onlyWhen: [statefulWorkloads],
} satisfies CatalogEntryInput;
