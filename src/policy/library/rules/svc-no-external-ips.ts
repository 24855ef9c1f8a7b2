/** Services set no externalIPs. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "svc-no-external-ips",
    severity: "error",
    title: "Services set no externalIPs",
    why: "spec.externalIPs lets any namespace intercept traffic to arbitrary addresses (CVE-2020-8554).",
    fix: "Remove spec.externalIPs; use a LoadBalancer Service where allowed.",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.services],
  check: "size(object.spec.?externalIPs.orValue([])) == 0",
  field: ["spec", "externalIPs"],
  message: "spec.externalIPs is set",
};
