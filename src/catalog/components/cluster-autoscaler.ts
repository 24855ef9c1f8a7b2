import type { CatalogEntryInput } from "../schema.js";
import { wantsAutoscaling } from "../conditions.js";

export default {
  id: "cluster-autoscaler",
  area: "autoscaling",
  name: "Cluster Autoscaler (Cluster API provider)",
  description:
    "Adds and removes nodes when pods do not fit or nodes sit idle, by scaling Cluster API MachineDeployments (the clusterapi cloud provider). On premise it only works where nodes are created through an API.",
  levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
    said: "Node autoscaling is mostly a cloud feature; on premise only with an infrastructure API.",
  },
  deviation:
    "With Cluster API on vSphere, OpenStack or Metal3 the clusterapi provider makes node autoscaling practical on premise, so it is offered to every size that asks for autoscaling.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler",
    "https://github.com/kubernetes/autoscaler/releases",
    "https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler/cloudprovider/clusterapi",
  ],
  install: {
    kind: "helm",
    repo: "https://kubernetes.github.io/autoscaler",
    chart: "cluster-autoscaler",
    version: "9.59.0",
    appVersion: "1.36.1",
  },
  runtime: {
    namespace: "cluster-autoscaler",
    podSecurity: "restricted",
    ports: [{ port: 8085, protocol: "TCP", from: "monitoring", purpose: "metrics" }],
    needsApiServer: true,
    needsEgress: false,
    values: {
      cloudProvider: "clusterapi",
      // The chart's default image tag for 9.59.0 does not exist; pin the released 1.36.1 image.
      image: { tag: "v1.36.1" },
      replicaCount: 1,
      extraArgs: { "balance-similar-node-groups": true, "skip-nodes-with-local-storage": false },
      resources: { requests: { cpu: "100m", memory: "300Mi" }, limits: { memory: "600Mi" } },
      securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: "RuntimeDefault" } },
      containerSecurityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      },
    },
  },
  requires: ["cluster-api"],
  includeWhen: [wantsAutoscaling],
  onlyWhen: [
    {
      fact: "provisioning",
      equals: "api",
      because: "your nodes are created through an API the autoscaler can drive",
      otherwise: "your machines are provisioned by hand, so nothing can add nodes automatically",
    },
    {
      fact: "infrastructureProvider",
      in: ["vsphere", "openstack", "metal3"],
      because: "Cluster API manages your machines",
      otherwise: "no Cluster API provider manages your machines",
    },
    wantsAutoscaling,
  ],
} satisfies CatalogEntryInput;
