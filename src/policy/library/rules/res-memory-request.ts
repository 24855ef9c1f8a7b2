/** Containers request memory. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "res-memory-request",
    severity: "error",
    title: "Containers request memory",
    why: "Without a memory request the scheduler can overcommit a node and the kernel kills pods at random under pressure.",
    fix: "Set resources.requests.memory to the container's working set.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "containers",
  check:
    "has(c.resources) && ((has(c.resources.requests) && 'memory' in c.resources.requests) || (has(c.resources.limits) && 'memory' in c.resources.limits))",
  message: "resources.requests.memory is not set",
};
