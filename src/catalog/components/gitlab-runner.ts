import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "gitlab-runner",
  area: "ci",
  name: "GitLab Runner (Kubernetes executor)",
  description:
    "Runs GitLab CI jobs as pods in the cluster for organisations that already use GitLab: the runner manager registers with GitLab and starts one pod per job. The chart's version tracks the runner's monthly release.",
  levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
    said: "GitLab CI with runners in the cluster when GitLab is the source host.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://gitlab.com/gitlab-org/charts/gitlab-runner",
    "https://docs.gitlab.com/runner/install/kubernetes/",
  ],
  install: {
    kind: "helm",
    repo: "https://charts.gitlab.io",
    chart: "gitlab-runner",
    version: "0.94.0",
    appVersion: "19.5.0",
  },
  runtime: {
    namespace: "gitlab-runner",
    podSecurity: "restricted",
    ports: [{ port: 9252, protocol: "TCP", from: "monitoring", purpose: "runner metrics" }],
    needsApiServer: true,
    needsEgress: true,
    values: {
      concurrent: 10,
      rbac: { create: true },
      resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } },
      podSecurityContext: { runAsNonRoot: true, runAsUser: 100, seccompProfile: { type: "RuntimeDefault" } },
      securityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: false,
        runAsNonRoot: true,
        privileged: false,
        capabilities: { drop: ["ALL"] },
      },
      metrics: { enabled: true },
    },
  },
  provides: ["ci-engine"],
  alternatives: { group: "ci", rank: 2 },
} satisfies CatalogEntryInput;
