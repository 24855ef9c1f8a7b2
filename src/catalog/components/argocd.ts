import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "argocd",
  area: "gitops",
  name: "Argo CD",
  description:
    "GitOps controller with a web UI (CNCF graduated): syncs the rendered platform repository into the cluster, shows drift and health, and supports app-of-apps and ApplicationSets for many teams and clusters.",
  levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
    said: "GitOps with Argo CD (or Flux): the cluster state lives in Git.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/argoproj/argo-cd/releases",
    "https://github.com/argoproj/argo-helm/releases",
    "https://argo-cd.readthedocs.io/",
  ],
  install: {
    kind: "helm",
    repo: "https://argoproj.github.io/argo-helm",
    chart: "argo-cd",
    version: "10.9.0",
    appVersion: "v3.5.3",
  },
  runtime: {
    namespace: "argocd",
    podSecurity: "restricted",
    ports: [
      {
        port: 8080,
        protocol: "TCP",
        from: "ingress",
        purpose: "API server and UI (TLS ends at the gateway)",
      },
      { port: 8081, protocol: "TCP", from: "cluster", purpose: "repo-server" },
      { port: 8082, protocol: "TCP", from: "monitoring", purpose: "application controller metrics" },
      { port: 8083, protocol: "TCP", from: "monitoring", purpose: "API server metrics" },
    ],
    needsApiServer: true,
    needsEgress: true,
    values: {
      global: {
        securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
      },
      configs: {
        params: { "server.insecure": true },
        cm: { "exec.enabled": false, "admin.enabled": true },
      },
      // SSO comes from the platform's own broker (Dex or Keycloak) or the corporate IdP.
      dex: { enabled: false },
      controller: { resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "2Gi" } } },
      repoServer: { resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } } },
      server: { resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "512Mi" } } },
      redis: { resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "256Mi" } } },
    },
  },
  requires: ["cni"],
  provides: ["gitops"],
  alternatives: {
    group: "gitops",
    rank: 1,
    preferWhen: [
      {
        fact: "gitops",
        equals: "argocd",
        because: "you chose Argo CD for GitOps",
        otherwise: "you chose another GitOps tool",
      },
    ],
  },
} satisfies CatalogEntryInput;
