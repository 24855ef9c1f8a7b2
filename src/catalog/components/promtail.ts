import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "promtail",
  area: "logging",
  name: "Promtail",
  description: "Loki's original log shipping agent (and the loki-stack chart that bundled it).",
  levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
  seed: {
    levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
    said: "Promtail ships logs to Loki.",
  },
  deviation: "Promtail reached end of life; Grafana Alloy is its supported successor.",
  status: "retired",
  replacement: "alloy",
  statusReason: "Deprecated with Loki 3.4 (February 2025) and end of life on 2026-03-02; no further fixes.",
  verified: "2026-11-25",
  sources: ["https://grafana.com/docs/loki/latest/send-data/promtail/"],
} satisfies CatalogEntryInput;
