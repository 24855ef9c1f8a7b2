/** RBAC rules name their verbs. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "rbac-no-wildcard-verbs",
    severity: "error",
    title: "RBAC rules name their verbs",
    why: "A '*' verb silently grants every verb added in future versions, including escalate and impersonate.",
    fix: "List the verbs the role needs (get, list, watch, ...).",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.roles],
  check: "object.?rules.orValue([]).all(r, !('*' in r.verbs))",
  field: ["rules"],
  message: "a rule grants verb '*'",
};
