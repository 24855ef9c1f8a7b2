import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "buildkit",
  area: "image-build",
  name: "BuildKit (rootless)",
  description:
    "Moby's image builder run as a rootless buildkitd service in the cluster; CI jobs send builds to it with buildctl (or docker buildx with the remote driver), sharing a layer cache. Replaces kaniko. No official chart: the Kubernetes examples in the BuildKit repository are the manifests.",
  levels: { SUP: "optional", MBU: "optional", ENT: "recommended" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "Build images inside the cluster with kaniko, without a Docker daemon.",
  },
  deviation:
    "kaniko is archived; in-cluster builds only matter where CI runs in the cluster, which the plan only chooses for many teams, so BuildKit is optional below enterprise size.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/moby/buildkit/releases",
    "https://github.com/moby/buildkit/tree/master/examples/kubernetes",
    "https://github.com/moby/buildkit/blob/master/docs/rootless.md",
  ],
  install: {
    kind: "manifests",
    source: "https://github.com/moby/buildkit/tree/v0.32.0/examples/kubernetes",
    version: "v0.32.0",
  },
  runtime: {
    namespace: "buildkit",
    podSecurity: "privileged",
    podSecurityReason:
      "Even rootless buildkitd creates its own user and mount namespaces, which needs the Unconfined seccomp and AppArmor profiles that Pod Security baseline forbids; it runs as a non-root user in a dedicated namespace that only CI can reach.",
    ports: [
      { port: 1234, protocol: "TCP", from: "cluster", purpose: "buildkitd gRPC API (mTLS) for CI jobs" },
    ],
    needsApiServer: false,
    needsEgress: true,
  },
  provides: ["image-builder"],
  alternatives: { group: "image-build", rank: 1 },
  includeWhen: [
    {
      fact: "teams",
      atLeast: 5,
      because: "five or more teams build images and share a build cache",
      otherwise: "few teams build images, so a hosted CI builder is simpler",
    },
  ],
} satisfies CatalogEntryInput;
