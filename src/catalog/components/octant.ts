import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "octant",
  area: "ui",
  name: "Octant",
  description: "VMware's desktop/web UI for exploring cluster resources.",
  levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
  seed: {
    levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
    said: "Octant as a developer-friendly UI.",
  },
  deviation: "Archived; Headlamp covers the same use as a web or desktop app.",
  status: "retired",
  replacement: "headlamp",
  statusReason: "The repository was archived on 2023-01-19 (vmware-archive); the final release is 0.25.1.",
  verified: "2026-11-25",
  sources: ["https://github.com/vmware-archive/octant"],
} satisfies CatalogEntryInput;
