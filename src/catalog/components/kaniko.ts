import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "kaniko",
  area: "image-build",
  name: "kaniko",
  description: "Google's daemonless image builder that ran Dockerfile builds in an unprivileged pod.",
  levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "Build images inside the cluster with kaniko, without a Docker daemon.",
  },
  deviation:
    "Archived upstream; use rootless BuildKit (or Buildah). Community forks exist but are not a default.",
  status: "retired",
  replacement: "buildkit",
  statusReason: "GoogleContainerTools archived the repository on 2025-06-03; the last release is v1.24.0.",
  verified: "2026-11-25",
  sources: ["https://github.com/GoogleContainerTools/kaniko"],
} satisfies CatalogEntryInput;
