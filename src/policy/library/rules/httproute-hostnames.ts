/** HTTPRoutes name their hostnames. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "httproute-hostnames",
    severity: "warning",
    title: "HTTPRoutes name their hostnames",
    why: "A route without hostnames matches every host its Gateway listener accepts.",
    fix: "Set spec.hostnames.",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.httproutes],
  check: "size(object.spec.?hostnames.orValue([])) > 0",
  field: ["spec"],
  message: "spec.hostnames is empty",
};
