/** Namespaces enforce a Pod Security level. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "ns-psa-enforce",
    severity: "warning",
    title: "Namespaces enforce a Pod Security level",
    why: "Without the pod-security.kubernetes.io/enforce label the namespace accepts privileged pods.",
    fix: "Label the namespace pod-security.kubernetes.io/enforce: restricted (or baseline).",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.namespaces],
  check:
    "object.metadata.?labels.orValue({}).exists(k, k == 'pod-security.kubernetes.io/enforce' && object.metadata.labels[k] in ['baseline', 'restricted'])",
  field: ["metadata", "labels"],
  message: "namespace does not enforce pod-security baseline or restricted",
};
