/** Pods use a dedicated service account. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "pod-no-default-sa",
    severity: "warning",
    title: "Pods use a dedicated service account",
    why: "The default service account is shared by everything in the namespace, so any RBAC granted to it leaks to all pods.",
    fix: "Create a ServiceAccount for the workload and set spec.serviceAccountName.",
    tags: ["vap"],
  },
  scope: "pod",
  check: "variables.podSpec.?serviceAccountName.orValue('default') != 'default'",
  field: ["serviceAccountName"],
  message: "serviceAccountName is default",
};
