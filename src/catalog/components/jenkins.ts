import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "jenkins",
  area: "ci",
  name: "Jenkins",
  description:
    "The long-standing CI server, run in the cluster with Kubernetes agents and configured as code (JCasC). Keep it where existing pipelines depend on it; plugins must be pinned and patched like any dependency.",
  levels: { SUP: "not-needed", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "Jenkins with the Kubernetes plugin as the CI server.",
  },
  deviation:
    "A Jenkins controller and its plugins are a pet to maintain; Kubernetes-native Tekton or the runner of the Git host are simpler for new platforms, so Jenkins is only for organisations that already depend on it.",
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/jenkinsci/helm-charts", "https://www.jenkins.io/changelog-stable/"],
  install: {
    kind: "helm",
    repo: "https://charts.jenkins.io",
    chart: "jenkins",
    version: "5.9.56",
    appVersion: "2.568.1",
  },
  runtime: {
    namespace: "jenkins",
    podSecurity: "restricted",
    ports: [
      { port: 8080, protocol: "TCP", from: "ingress", purpose: "web UI and webhooks (through the gateway)" },
      { port: 50000, protocol: "TCP", from: "cluster", purpose: "inbound agent connections" },
    ],
    needsApiServer: true,
    needsEgress: true,
    values: {
      controller: {
        installLatestPlugins: false,
        resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { memory: "4Gi" } },
        podSecurityContextOverride: {
          runAsNonRoot: true,
          runAsUser: 1000,
          fsGroup: 1000,
          seccompProfile: { type: "RuntimeDefault" },
        },
        containerSecurityContext: {
          runAsUser: 1000,
          runAsGroup: 1000,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
        },
      },
      persistence: { enabled: true, size: "20Gi" },
    },
  },
  provides: ["ci-engine"],
  alternatives: { group: "ci", rank: 3 },
} satisfies CatalogEntryInput;
