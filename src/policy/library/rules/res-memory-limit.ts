/** Containers limit memory. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "res-memory-limit",
    severity: "error",
    title: "Containers limit memory",
    why: "A container without a memory limit can exhaust its node and take its neighbours down with it.",
    fix: "Set resources.limits.memory (commonly equal to the request).",
    tags: ["vap"],
  },
  scope: "container",
  containers: "containers",
  check: "has(c.resources) && has(c.resources.limits) && 'memory' in c.resources.limits",
  message: "resources.limits.memory is not set",
};
