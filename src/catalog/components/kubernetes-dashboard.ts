import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "kubernetes-dashboard",
  area: "ui",
  name: "Kubernetes Dashboard",
  description: "The former official web UI of Kubernetes.",
  levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
  seed: {
    levels: { SUP: "recommended", MBU: "recommended", ENT: "optional" },
    said: "Kubernetes Dashboard as a web UI for developers.",
  },
  deviation: "Archived in 2026 and its chart repository is gone; use Headlamp.",
  status: "retired",
  replacement: "headlamp",
  statusReason:
    "Archived on 2026-01-21 and moved to kubernetes-retired/dashboard; its Helm repository now returns 404 (final chart 7.14.0).",
  verified: "2026-11-25",
  sources: [
    "https://github.com/kubernetes/org/issues/6046",
    "https://github.com/kubernetes-retired/dashboard",
  ],
} satisfies CatalogEntryInput;
