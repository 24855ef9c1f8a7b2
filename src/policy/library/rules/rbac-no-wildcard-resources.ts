/** RBAC rules name their resources and API groups. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "rbac-no-wildcard-resources",
    severity: "error",
    title: "RBAC rules name their resources and API groups",
    why: "'*' resources include secrets, RBAC itself and every CRD installed later.",
    fix: "List the resources and apiGroups the role needs.",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.roles],
  check:
    "object.?rules.orValue([]).all(r, !('*' in r.?resources.orValue([])) && !('*' in r.?apiGroups.orValue([])))",
  field: ["rules"],
  message: "a rule grants resources or apiGroups '*'",
};
