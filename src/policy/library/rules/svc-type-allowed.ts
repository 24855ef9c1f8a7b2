/** LoadBalancer and NodePort Services only where allowed. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";
import { celParamList } from "../../params/params.js";

export const rule: LibraryRule = {
  meta: {
    id: "svc-type-allowed",
    severity: "error",
    title: "LoadBalancer and NodePort Services only where allowed",
    why: "These Services expose a workload outside the cluster, past the ingress layer and its TLS and auth.",
    fix: "Use a ClusterIP Service behind the Ingress/Gateway, or ask for the namespace to be listed in params.externalServiceNamespaces.",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.services],
  check: `!(object.spec.?type.orValue('ClusterIP') in ['LoadBalancer', 'NodePort']) || object.metadata.?namespace.orValue('') in ${celParamList("externalServiceNamespaces")}`,
  field: ["spec", "type"],
  message: "Service type LoadBalancer/NodePort is not allowed in this namespace",
  usesParams: true,
};
