/** allowPrivilegeEscalation is false. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "sec-no-privilege-escalation",
    severity: "error",
    title: "allowPrivilegeEscalation is false",
    why: "Without it, setuid binaries in the image can gain more privileges than the container started with.",
    fix: "Set securityContext.allowPrivilegeEscalation: false on every container.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check: "c.?securityContext.?allowPrivilegeEscalation.orValue(true) == false",
  message: "allowPrivilegeEscalation is not false",
};
