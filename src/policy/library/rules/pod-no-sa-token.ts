/** automountServiceAccountToken is off unless needed. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "pod-no-sa-token",
    severity: "warning",
    title: "automountServiceAccountToken is off unless needed",
    why: "A mounted token lets anyone who gets into the container talk to the API server as the pod.",
    fix: "Set spec.automountServiceAccountToken: false; pods that call the API add an exception with the reason.",
    tags: ["vap"],
  },
  scope: "pod",
  check: "variables.podSpec.?automountServiceAccountToken.orValue(true) == false",
  field: ["automountServiceAccountToken"],
  message: "automountServiceAccountToken is not false",
};
