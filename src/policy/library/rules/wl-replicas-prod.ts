/** Production workloads run at least two replicas. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";
import { celParamString } from "../../params/params.js";

export const rule: LibraryRule = {
  meta: {
    id: "wl-replicas-prod",
    severity: "warning",
    title: "Production workloads run at least two replicas",
    why: "A single replica means downtime on every rollout, node drain or crash.",
    fix: "Set spec.replicas to 2 or more (or manage it with an HPA whose minReplicas is 2 or more).",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.deployments, res.statefulsets],
  check: `!object.metadata.?namespace.orValue('').matches(${celParamString("prodNamespacePattern", "^$")}) || object.spec.?replicas.orValue(1) >= 2`,
  field: ["spec", "replicas"],
  message: "fewer than 2 replicas in a production namespace",
  usesParams: true,
};
