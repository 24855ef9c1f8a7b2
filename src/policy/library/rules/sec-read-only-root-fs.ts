/** Root filesystem is read-only. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "sec-read-only-root-fs",
    severity: "warning",
    title: "Root filesystem is read-only",
    why: "A writable root filesystem lets an attacker drop tools and persist changes inside the container.",
    fix: "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the app writes.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check: "c.?securityContext.?readOnlyRootFilesystem.orValue(false) == true",
  message: "readOnlyRootFilesystem is not true",
};
