import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "ubuntu",
  area: "os",
  name: "Ubuntu Server LTS",
  description:
    "General-purpose node OS that OS teams already know: Ubuntu 26.04 LTS (kernel 7.0, cgroup v2 only, containerd 2.x), with 24.04 LTS still supported. Kubernetes 1.35+ rejects cgroup v1 nodes, so older releases are out.",
  levels: { SUP: "recommended", MBU: "recommended", ENT: "recommended" },
  seed: {
    levels: { SUP: "recommended", MBU: "recommended", ENT: "recommended" },
    said: "Ubuntu LTS as the default node operating system.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: ["https://ubuntu.com/about/release-cycle", "https://documentation.ubuntu.com/release-notes/"],
  install: {
    kind: "host",
    version: "26.04",
    how: "Build node images (or autoinstall) from Ubuntu 26.04 LTS with containerd 2.x and cgroup v2; for Cluster API, build the image with image-builder.",
  },
  provides: ["node-os"],
  alternatives: { group: "os", rank: 1 },
} satisfies CatalogEntryInput;
