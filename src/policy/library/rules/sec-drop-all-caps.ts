/** Containers drop ALL capabilities. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "sec-drop-all-caps",
    severity: "warning",
    title: "Containers drop ALL capabilities",
    why: "Default capabilities (NET_RAW, CHOWN, ...) are rarely needed and help an attacker.",
    fix: "Set securityContext.capabilities.drop: [ALL] and add back only what is needed.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check: "c.?securityContext.?capabilities.?drop.orValue([]).exists(x, x == 'ALL')",
  message: "capabilities.drop does not contain ALL",
};
