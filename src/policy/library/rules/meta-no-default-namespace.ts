/** Objects are not placed in the default namespace. */
import type { LibraryRule } from "../rule.js";
import { podResources, res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "meta-no-default-namespace",
    severity: "warning",
    title: "Objects are not placed in the default namespace",
    why: "The default namespace has no owner, quota or policy of its own; objects there escape the per-team setup.",
    fix: "Set metadata.namespace to the team's namespace.",
    tags: ["vap"],
  },
  scope: "object",
  match: [...podResources, res.services, res.ingresses],
  check: "object.metadata.?namespace.orValue('') != 'default'",
  field: ["metadata", "namespace"],
  message: "object is in the default namespace",
};
