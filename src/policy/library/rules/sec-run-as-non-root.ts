/** Containers must run as non-root. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "sec-run-as-non-root",
    severity: "error",
    title: "Containers must run as non-root",
    why: "A process running as root in a container is one kernel or runtime bug away from root on the node.",
    fix: "Set securityContext.runAsNonRoot: true (pod or container) and build the image with a numeric non-root USER.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check:
    "c.?securityContext.?runAsNonRoot.orValue(variables.podSpec.?securityContext.?runAsNonRoot.orValue(false)) == true || c.?securityContext.?runAsUser.orValue(variables.podSpec.?securityContext.?runAsUser.orValue(0)) > 0",
  message: "runAsNonRoot is not true and runAsUser is not a non-zero UID",
};
