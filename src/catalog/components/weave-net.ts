import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "weave-net",
  area: "cni",
  name: "Weave Net",
  description:
    "Overlay CNI from Weaveworks that was easy to install; kept here so an old recipe choice is explained.",
  levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
  seed: {
    levels: { SUP: "optional", MBU: "not-needed", ENT: "not-needed" },
    said: "Weave Net as the simplest CNI for small clusters.",
  },
  deviation: "Weave Net has no maintained upstream since Weaveworks shut down; use Cilium (or Calico).",
  status: "retired",
  replacement: "cilium",
  statusReason:
    "Weaveworks shut down on 2024-02-05; the last upstream release is 2.8.1 from 2021 and the project was removed from the CNCF landscape in 2024.",
  verified: "2026-11-25",
  sources: ["https://github.com/weaveworks/weave"],
} satisfies CatalogEntryInput;
