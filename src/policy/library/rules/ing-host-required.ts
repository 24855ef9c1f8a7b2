/** Ingress rules name a host. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "ing-host-required",
    severity: "warning",
    title: "Ingress rules name a host",
    why: "A rule without a host (or a default backend) catches traffic for every name the controller serves, including other teams' names.",
    fix: "Set spec.rules[].host and remove spec.defaultBackend.",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.ingresses],
  check:
    "object.spec.?rules.orValue([]).all(r, has(r.host) && r.host != '') && !has(object.spec.defaultBackend)",
  field: ["spec", "rules"],
  message: "an Ingress rule has no host or the Ingress sets a defaultBackend",
};
