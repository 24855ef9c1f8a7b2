/** Containers request CPU. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "res-cpu-request",
    severity: "warning",
    title: "Containers request CPU",
    why: "Without a CPU request the scheduler packs pods blindly and the container gets the lowest share under contention.",
    fix: "Set resources.requests.cpu (a limit alone also implies the request).",
    tags: ["vap"],
  },
  scope: "container",
  containers: "containers",
  check:
    "has(c.resources) && ((has(c.resources.requests) && 'cpu' in c.resources.requests) || (has(c.resources.limits) && 'cpu' in c.resources.limits))",
  message: "resources.requests.cpu is not set",
};
