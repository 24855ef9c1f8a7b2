/** Pods do not share the host PID namespace. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "pod-no-host-pid",
    severity: "error",
    title: "Pods do not share the host PID namespace",
    why: "hostPID exposes every process on the node, including their environment.",
    fix: "Remove spec.hostPID.",
    tags: ["vap"],
  },
  scope: "pod",
  check: "variables.podSpec.?hostPID.orValue(false) == false",
  field: ["hostPID"],
  message: "hostPID is true",
};
