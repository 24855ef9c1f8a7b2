/** Pods do not share one process namespace. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "pod-no-shared-pid",
    severity: "info",
    title: "Pods do not share one process namespace",
    why: "shareProcessNamespace lets every container see and signal the others' processes and read their files via /proc.",
    fix: "Remove spec.shareProcessNamespace unless a debugging sidecar needs it.",
    tags: ["vap"],
  },
  scope: "pod",
  check: "variables.podSpec.?shareProcessNamespace.orValue(false) == false",
  field: ["shareProcessNamespace"],
  message: "shareProcessNamespace is true",
};
