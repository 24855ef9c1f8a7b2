/** Replicated workloads spread across nodes. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "pod-spread",
    severity: "warning",
    title: "Replicated workloads spread across nodes",
    why: "Replicas on one node go down together; anti-affinity or topology spread keeps a node failure from taking the service down.",
    fix: "Add spec.template.spec.topologySpreadConstraints (or podAntiAffinity) over kubernetes.io/hostname.",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.deployments, res.statefulsets],
  check:
    "object.spec.?replicas.orValue(1) < 2 || has(object.spec.template.spec.topologySpreadConstraints) || (has(object.spec.template.spec.affinity) && has(object.spec.template.spec.affinity.podAntiAffinity))",
  field: ["spec", "replicas"],
  message: "replicas are not spread by topologySpreadConstraints or podAntiAffinity",
};
