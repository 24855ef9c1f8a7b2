import type { Plan } from "../../plan/types.js";
import { apiServerWiring } from "../../guardrails/apiserver.js";
import type { ConfigObject } from "../../guardrails/types.js";
import { ssoFor, wantsAudit } from "./control-plane.js";

export const podSubnet = "10.244.0.0/16";
export const serviceSubnet = "10.96.0.0/12";

/** Placeholder for the API endpoint (a VIP or load balancer); the README lists it among the values to fill. */
export function controlPlaneEndpoint(plan: Plan): { host: string; port: number } {
  return { host: `api.${plan.platform}.example.invalid`, port: 6443 };
}

/** A full version for a minor: kubeadm wants a patch; x.y.0 is the pinned floor the README asks to raise. */
export function kubernetesPatch(plan: Plan): string {
  return `${plan.facts.kubernetesVersion}.0`;
}

/** Cilium replaces kube-proxy when the catalog says so; kubeadm must then not install it. */
export function kubeProxyReplaced(plan: Plan): boolean {
  return plan.components.some(
    (c) => c.id === "cilium" && c.entry.runtime?.values["kubeProxyReplacement"] === true,
  );
}

/** The ClusterConfiguration body shared by plain kubeadm and Cluster API's KubeadmControlPlane. */
export function clusterConfigurationSpec(plan: Plan): Record<string, unknown> {
  const wiring = apiServerWiring({ audit: wantsAudit(plan), sso: ssoFor(plan) !== undefined });
  return {
    apiServer: {
      extraArgs: [...wiring.extraArgs, { name: "profiling", value: "false" }].sort((a, b) =>
        a.name < b.name ? -1 : 1,
      ),
      extraVolumes: wiring.extraVolumes,
    },
    controllerManager: { extraArgs: [{ name: "profiling", value: "false" }] },
    scheduler: { extraArgs: [{ name: "profiling", value: "false" }] },
    encryptionAlgorithm: "ECDSA-P256",
  };
}

/** kubeadm.k8s.io/v1beta4 InitConfiguration + ClusterConfiguration for `kubeadm init --config`. */
export function kubeadmConfig(plan: Plan): ConfigObject[] {
  const ep = controlPlaneEndpoint(plan);
  const noProxy = kubeProxyReplaced(plan);
  return [
    {
      apiVersion: "kubeadm.k8s.io/v1beta4",
      kind: "InitConfiguration",
      nodeRegistration: {
        criSocket: "unix:///run/containerd/containerd.sock",
        kubeletExtraArgs: [{ name: "rotate-server-certificates", value: "true" }],
      },
      ...(noProxy ? { skipPhases: ["addon/kube-proxy"] } : {}),
    },
    {
      apiVersion: "kubeadm.k8s.io/v1beta4",
      kind: "ClusterConfiguration",
      clusterName: plan.platform,
      kubernetesVersion: kubernetesPatch(plan),
      controlPlaneEndpoint: `${ep.host}:${ep.port}`,
      networking: { podSubnet, serviceSubnet, dnsDomain: "cluster.local" },
      ...clusterConfigurationSpec(plan),
    },
  ];
}
