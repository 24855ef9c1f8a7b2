/** cluster-admin is bound only to platform identities. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";
import { celParamList } from "../../params/params.js";

export const rule: LibraryRule = {
  meta: {
    id: "rbac-cluster-admin",
    severity: "error",
    title: "cluster-admin is bound only to platform identities",
    why: "cluster-admin is every permission at once; bound to an application or a person it removes every other guardrail.",
    fix: "Bind a narrower role; only groups in params.adminGroups and service accounts in params.platformNamespaces may hold cluster-admin.",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.bindings],
  check: `object.roleRef.name != 'cluster-admin' || object.?subjects.orValue([]).all(s, (s.kind == 'ServiceAccount' && s.?namespace.orValue(object.metadata.?namespace.orValue('')) in ${celParamList("platformNamespaces")}) || (s.kind == 'Group' && s.name in ${celParamList("adminGroups")}))`,
  field: ["subjects"],
  message: "cluster-admin is bound to a subject outside the platform",
  usesParams: true,
};
