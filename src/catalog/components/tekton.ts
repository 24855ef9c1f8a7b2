import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "tekton",
  area: "ci",
  name: "Tekton Pipelines",
  description:
    "Kubernetes-native CI/CD building blocks (CD Foundation): Tasks and Pipelines run as pods, so builds scale with the cluster and stay inside the network. Pair with Pipelines-as-Code for Git-triggered runs. No official Helm chart: release.yaml or the Tekton Operator.",
  levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
    said: "Tekton as cloud-native CI/CD inside the cluster for larger organisations.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/tektoncd/pipeline/releases", "https://tekton.dev/docs/"],
  install: {
    kind: "manifests",
    source: "https://github.com/tektoncd/pipeline/releases/download/v1.14.0/release.yaml",
    version: "v1.14.0",
  },
  runtime: {
    namespace: "tekton-pipelines",
    podSecurity: "restricted",
    ports: [
      { port: 8443, protocol: "TCP", from: "nodes", purpose: "admission and conversion webhooks" },
      { port: 9090, protocol: "TCP", from: "monitoring", purpose: "controller metrics" },
    ],
    needsApiServer: true,
    needsEgress: true,
  },
  provides: ["ci-engine"],
  alternatives: { group: "ci", rank: 1 },
  includeWhen: [
    {
      fact: "teams",
      atLeast: 5,
      because: "five or more teams build software and benefit from shared in-cluster pipelines",
      otherwise: "few teams build software, so a hosted CI service is simpler",
    },
  ],
} satisfies CatalogEntryInput;
