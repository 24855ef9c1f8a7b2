import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "velero",
  area: "backup",
  name: "Velero",
  description:
    "Backs up Kubernetes objects and persistent volumes (CSI snapshots or file-system backup by the node agent) to S3-compatible object storage, and restores or migrates them. The project's GitHub org is moving from vmware-tanzu to velero-io; chart 12.x no longer depends on Bitnami images.",
  levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
    said: "Velero for backup and restore of cluster resources and volumes.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/vmware-tanzu/velero/releases",
    "https://github.com/vmware-tanzu/helm-charts/tree/main/charts/velero",
    "https://velero.io/docs/",
  ],
  install: {
    kind: "helm",
    repo: "https://vmware-tanzu.github.io/helm-charts",
    chart: "velero",
    version: "12.2.0",
    appVersion: "1.18.2",
  },
  runtime: {
    namespace: "velero",
    podSecurity: "privileged",
    podSecurityReason:
      "The node-agent DaemonSet (file-system backup of volumes) mounts the kubelet's pod volume directory from the host, which Pod Security baseline forbids; the Velero server itself runs as restricted.",
    ports: [{ port: 8085, protocol: "TCP", from: "monitoring", purpose: "metrics" }],
    needsApiServer: true,
    needsEgress: true,
    values: {
      deployNodeAgent: true,
      snapshotsEnabled: true,
      configuration: { features: "EnableCSI", defaultVolumesToFsBackup: false },
      resources: { requests: { cpu: "200m", memory: "256Mi" }, limits: { memory: "1Gi" } },
      nodeAgent: { resources: { requests: { cpu: "200m", memory: "256Mi" }, limits: { memory: "1Gi" } } },
      podSecurityContext: {
        runAsNonRoot: true,
        runAsUser: 65532,
        seccompProfile: { type: "RuntimeDefault" },
      },
      containerSecurityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      },
      metrics: { enabled: true },
    },
  },
  provides: ["backup"],
  includeWhen: [
    {
      fact: "statefulWorkloads",
      equals: true,
      because: "you run stateful workloads whose data must survive a lost cluster",
      otherwise: "you run no stateful workloads and can rebuild everything from Git",
    },
  ],
} satisfies CatalogEntryInput;
