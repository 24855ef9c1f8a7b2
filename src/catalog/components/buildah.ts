import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "buildah",
  area: "image-build",
  name: "Buildah",
  description:
    "Daemonless OCI image builder (Podman project; the repository moved to podman-container-tools) used inside CI job images. Runs rootless in user namespaces; a simple alternative to a shared BuildKit service.",
  levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
    said: "Buildah as a daemonless alternative to Docker builds.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/podman-container-tools/buildah/releases", "https://buildah.io/"],
  install: {
    kind: "host",
    version: "1.45.0",
    how: "Bake buildah 1.45.0 into the CI job image and run it rootless (--isolation chroot or with user namespaces); no cluster component is installed.",
  },
  provides: ["image-builder"],
  alternatives: { group: "image-build", rank: 2 },
} satisfies CatalogEntryInput;
