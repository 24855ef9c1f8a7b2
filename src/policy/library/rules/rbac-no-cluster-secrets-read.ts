/** ClusterRoles do not read Secrets cluster-wide. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "rbac-no-cluster-secrets-read",
    severity: "warning",
    title: "ClusterRoles do not read Secrets cluster-wide",
    why: "get/list/watch on secrets across the cluster reads every credential of every team.",
    fix: "Use a namespaced Role for the Secrets the workload needs.",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.roles],
  check:
    "object.kind != 'ClusterRole' || object.?rules.orValue([]).all(r, !(r.?resources.orValue([]).exists(x, x == 'secrets') && r.verbs.exists(v, v in ['get', 'list', 'watch'])))",
  field: ["rules"],
  message: "ClusterRole reads secrets",
};
