/** Containers do not use hostPort. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "port-no-host-port",
    severity: "error",
    title: "Containers do not use hostPort",
    why: "hostPort binds the node's network, limits scheduling to one pod per node and bypasses NetworkPolicies.",
    fix: "Remove ports[].hostPort and expose the pod through a Service.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check: "c.?ports.orValue([]).all(p, p.?hostPort.orValue(0) == 0)",
  message: "ports use hostPort",
};
