/** Every Ingress host is served with TLS. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "ing-tls",
    severity: "warning",
    title: "Every Ingress host is served with TLS",
    why: "Plain HTTP exposes credentials and session cookies on the wire.",
    fix: "Add spec.tls with a secret covering every host in spec.rules.",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.ingresses],
  check:
    "object.spec.?rules.orValue([]).all(r, !has(r.host) || object.spec.?tls.orValue([]).exists(t, t.?hosts.orValue([]).exists(h, h == r.host)))",
  field: ["spec", "rules"],
  message: "an Ingress host has no TLS entry",
};
