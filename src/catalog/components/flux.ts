import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "flux",
  area: "gitops",
  name: "Flux",
  description:
    "GitOps toolkit (CNCF graduated, maintained by ControlPlane and others since Weaveworks closed): source, kustomize, helm and notification controllers without a UI; decrypts SOPS secrets natively. Installed from the release's install.yaml (the Flux Operator is the alternative route).",
  levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
    said: "GitOps with Flux (or Argo CD): the cluster state lives in Git.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/fluxcd/flux2/releases", "https://fluxcd.io/flux/"],
  install: {
    kind: "manifests",
    source: "https://github.com/fluxcd/flux2/releases/download/v2.9.5/install.yaml",
    version: "v2.9.5",
  },
  runtime: {
    namespace: "flux-system",
    podSecurity: "restricted",
    ports: [
      { port: 9090, protocol: "TCP", from: "cluster", purpose: "source-controller artifact server" },
      { port: 8080, protocol: "TCP", from: "monitoring", purpose: "controller metrics" },
      { port: 9292, protocol: "TCP", from: "ingress", purpose: "notification-controller webhook receiver" },
    ],
    needsApiServer: true,
    needsEgress: true,
  },
  requires: ["cni"],
  provides: ["gitops"],
  alternatives: {
    group: "gitops",
    rank: 2,
    preferWhen: [
      {
        fact: "gitops",
        equals: "flux",
        because: "you chose Flux for GitOps",
        otherwise: "you chose another GitOps tool",
      },
    ],
  },
} satisfies CatalogEntryInput;
