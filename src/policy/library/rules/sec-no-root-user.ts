/** Containers do not set runAsUser 0. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "sec-no-root-user",
    severity: "error",
    title: "Containers do not set runAsUser 0",
    why: "runAsUser: 0 explicitly asks for root, overriding whatever the image declares.",
    fix: "Remove runAsUser: 0 or set a non-zero UID.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check:
    "c.?securityContext.?runAsUser.orValue(variables.podSpec.?securityContext.?runAsUser.orValue(1)) != 0",
  message: "runAsUser is 0",
};
