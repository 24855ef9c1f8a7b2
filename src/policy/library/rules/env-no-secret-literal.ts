/** No secrets as literal env values. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "env-no-secret-literal",
    severity: "error",
    title: "No secrets as literal env values",
    why: "A literal value is stored in Git, in the object and in every audit log; secrets belong in a Secret.",
    fix: "Use env[].valueFrom.secretKeyRef (or envFrom with a secretRef) instead of value.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check:
    "c.?env.orValue([]).all(e, !e.name.lowerAscii().matches('(password|passwd|secret|token|api_?key|private_?key|credential)') || !has(e.value) || e.value == '')",
  message: "env holds a literal value for a secret-looking name",
};
