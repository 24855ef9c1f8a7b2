/** Containers are not privileged. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "sec-no-privileged",
    severity: "error",
    title: "Containers are not privileged",
    why: "A privileged container has every capability and all host devices: it is root on the node.",
    fix: "Remove securityContext.privileged or set it to false; grant single capabilities where really needed.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check: "c.?securityContext.?privileged.orValue(false) == false",
  message: "securityContext.privileged is true",
};
