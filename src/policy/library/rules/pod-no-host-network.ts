/** Pods do not use the host network. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "pod-no-host-network",
    severity: "error",
    title: "Pods do not use the host network",
    why: "hostNetwork gives the pod the node's network stack and bypasses NetworkPolicies.",
    fix: "Remove spec.hostNetwork.",
    tags: ["vap"],
  },
  scope: "pod",
  check: "variables.podSpec.?hostNetwork.orValue(false) == false",
  field: ["hostNetwork"],
  message: "hostNetwork is true",
};
