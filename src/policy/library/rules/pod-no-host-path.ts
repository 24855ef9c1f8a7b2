/** Pods mount no hostPath volumes. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "pod-no-host-path",
    severity: "error",
    title: "Pods mount no hostPath volumes",
    why: "hostPath mounts expose the node's filesystem and are a common container escape.",
    fix: "Use a PersistentVolumeClaim, emptyDir, configMap or secret volume instead.",
    tags: ["vap"],
  },
  scope: "pod",
  check: "variables.podSpec.?volumes.orValue([]).all(v, !has(v.hostPath))",
  field: ["volumes"],
  message: "a volume uses hostPath",
  messageExpression:
    "'hostPath volumes are not allowed: ' + variables.podSpec.?volumes.orValue([]).filter(v, has(v.hostPath)).map(v, v.name).join(', ')",
};
