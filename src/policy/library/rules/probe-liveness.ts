/** Long-running containers have a liveness probe. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "probe-liveness",
    severity: "warning",
    title: "Long-running containers have a liveness probe",
    why: "Without a liveness probe a hung process keeps its pod Running forever.",
    fix: "Add livenessProbe that fails only when a restart would help (not on dependency outages).",
    tags: ["vap"],
  },
  scope: "container",
  containers: "containers",
  check: "has(c.livenessProbe)",
  message: "livenessProbe is not set",
  appliesWhen: "!variables.isBatch",
};
