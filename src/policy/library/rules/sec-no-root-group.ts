/** Containers do not run with group 0. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "sec-no-root-group",
    severity: "warning",
    title: "Containers do not run with group 0",
    why: "Group 0 owns many files in typical images and on the host; running with it widens what a compromised process may touch.",
    fix: "Set securityContext.runAsGroup (pod or container) to a non-zero GID.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check:
    "c.?securityContext.?runAsGroup.orValue(variables.podSpec.?securityContext.?runAsGroup.orValue(1)) != 0",
  message: "runAsGroup is 0",
};
