import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "apiserver-audit-policy",
  area: "audit",
  name: "API server audit policy",
  description:
    "The API server's built-in audit log: a Policy file decides which requests are logged at which level (Metadata for secrets, RequestResponse for RBAC changes, nothing for noisy reads), written to a rotated file that the log collector ships. The basis of every 'who did what' question.",
  levels: { SUP: "recommended", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
    said: "Enable Kubernetes audit logging for enterprises.",
  },
  deviation:
    "An audit log costs little with a sensible policy and is the first thing asked after an incident, so it is recommended even for startups and required from medium size.",
  status: "current",
  verified: "2026-11-25",
  sources: ["https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/"],
  install: {
    kind: "builtin",
    since: "v1.12",
    how: "Pass --audit-policy-file, --audit-log-path and --audit-log-maxage/maxbackup/maxsize to the API server through the kubeadm ClusterConfiguration (extraArgs and extraVolumes); the policy file lives in the platform repository.",
  },
  provides: ["audit-log"],
} satisfies CatalogEntryInput;
