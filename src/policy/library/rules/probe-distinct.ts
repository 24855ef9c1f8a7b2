/** Liveness and readiness probes differ. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "probe-distinct",
    severity: "info",
    title: "Liveness and readiness probes differ",
    why: "An identical liveness probe restarts a container exactly when it should merely be taken out of rotation.",
    fix: "Make the liveness probe more tolerant (other endpoint, higher failureThreshold) than the readiness probe.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "containers",
  check: "!has(c.livenessProbe) || !has(c.readinessProbe) || c.livenessProbe != c.readinessProbe",
  message: "livenessProbe equals readinessProbe",
};
