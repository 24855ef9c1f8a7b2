import type { Plan } from "../plan/types.js";
import { controlPlaneEndpoint } from "./bootstrap/kubeadm.js";

// Argo CD no longer checks the health of child Applications by itself; without this, sync waves in
// an app-of-apps would not wait for the earlier wave to be healthy. (Argo CD "v1.8 health" docs.)
const applicationHealthLua = `hs = {}
hs.status = "Progressing"
hs.message = ""
if obj.status ~= nil then
  if obj.status.health ~= nil then
    hs.status = obj.status.health.status
    if obj.status.health.message ~= nil then
      hs.message = obj.status.health.message
    end
  end
end
return hs
`;

/**
 * Values the renderer adds under the catalog's own (catalog values win): only what follows from the
 * plan as a whole rather than from one chart, so the catalog stays the one place for chart hardening.
 */
export function rendererDefaults(id: string, plan: Plan): Record<string, unknown> {
  switch (id) {
    case "argocd":
      return {
        configs: {
          cm: { "resource.customizations.health.argoproj.io_Application": applicationHealthLua },
        },
      };
    case "cilium": {
      // Without kube-proxy, Cilium must reach the apiserver directly, not through the Service.
      const ep = controlPlaneEndpoint(plan);
      return { k8sServiceHost: ep.host, k8sServicePort: ep.port };
    }
    case "cluster-autoscaler":
      if (plan.components.some((c) => c.id === "cluster-api")) {
        return {
          cloudProvider: "clusterapi",
          autoDiscovery: { clusterName: plan.platform, namespace: "default" },
          extraArgs: { "balance-similar-node-groups": true, "skip-nodes-with-local-storage": false },
        };
      }
      return {};
    default:
      return {};
  }
}
