/** Containers run with a seccomp profile. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "sec-seccomp",
    severity: "warning",
    title: "Containers run with a seccomp profile",
    why: "Without seccomp every system call is reachable, including rarely used ones with a history of kernel bugs.",
    fix: "Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a reviewed profile).",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check:
    "c.?securityContext.?seccompProfile.?type.orValue(variables.podSpec.?securityContext.?seccompProfile.?type.orValue('')) in ['RuntimeDefault', 'Localhost']",
  message: "seccompProfile is not RuntimeDefault or Localhost",
};
