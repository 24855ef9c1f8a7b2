/** Namespaces choose a bespoke policy mode. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "ns-policy-mode",
    severity: "info",
    title: "Namespaces choose a bespoke policy mode",
    why: "Policies bind by the bespoke.dev/policy label; without it a namespace is not guarded at all.",
    fix: "Label the namespace bespoke.dev/policy: enforce (or warn while migrating).",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.namespaces],
  check:
    "object.metadata.?labels.orValue({}).exists(k, k == 'bespoke.dev/policy' && object.metadata.labels[k] in ['enforce', 'warn'])",
  field: ["metadata", "labels"],
  message: "namespace has no bespoke.dev/policy label of enforce or warn",
};
