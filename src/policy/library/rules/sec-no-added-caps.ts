/** Containers add no capability beyond NET_BIND_SERVICE. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "sec-no-added-caps",
    severity: "error",
    title: "Containers add no capability beyond NET_BIND_SERVICE",
    why: "Added capabilities such as SYS_ADMIN or NET_ADMIN give host-level powers.",
    fix: "Remove capabilities.add entries; only NET_BIND_SERVICE is allowed.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check: "c.?securityContext.?capabilities.?add.orValue([]).all(x, x == 'NET_BIND_SERVICE')",
  message: "capabilities.add contains more than NET_BIND_SERVICE",
};
