/** Bindings do not grant to anonymous or all authenticated users. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "rbac-no-anonymous",
    severity: "error",
    title: "Bindings do not grant to anonymous or all authenticated users",
    why: "system:anonymous, system:unauthenticated and system:authenticated include everyone who can reach the API server.",
    fix: "Bind to specific groups or service accounts.",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.bindings],
  check:
    "object.?subjects.orValue([]).all(s, !(s.name in ['system:anonymous', 'system:unauthenticated', 'system:authenticated']))",
  field: ["subjects"],
  message: "a binding grants to anonymous or all authenticated users",
};
