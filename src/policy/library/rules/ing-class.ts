/** Ingresses name their ingress class. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "ing-class",
    severity: "info",
    title: "Ingresses name their ingress class",
    why: "Without ingressClassName the default class (or every controller) picks the Ingress up.",
    fix: "Set spec.ingressClassName.",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.ingresses],
  check: "has(object.spec.ingressClassName)",
  field: ["spec"],
  message: "spec.ingressClassName is not set",
};
