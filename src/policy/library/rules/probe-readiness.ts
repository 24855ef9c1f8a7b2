/** Long-running containers have a readiness probe. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "probe-readiness",
    severity: "warning",
    title: "Long-running containers have a readiness probe",
    why: "Without a readiness probe traffic reaches a pod before it can serve, and rollouts cannot tell a broken version.",
    fix: "Add readinessProbe (httpGet, grpc, tcpSocket or exec) that reflects whether the container can serve.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "containers",
  check: "has(c.readinessProbe)",
  message: "readinessProbe is not set",
  appliesWhen: "!variables.isBatch",
};
