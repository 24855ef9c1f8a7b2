/** RBAC rules do not grant escalate, bind or impersonate. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "rbac-no-escalation-verbs",
    severity: "error",
    title: "RBAC rules do not grant escalate, bind or impersonate",
    why: "These verbs let the holder grant itself or act as any other identity, bypassing RBAC.",
    fix: "Remove escalate, bind and impersonate; platform automation gets them through a reviewed exception.",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.roles],
  check: "object.?rules.orValue([]).all(r, !r.verbs.exists(v, v in ['escalate', 'bind', 'impersonate']))",
  field: ["rules"],
  message: "a rule grants escalate, bind or impersonate",
};
