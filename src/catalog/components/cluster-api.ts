import type { CatalogEntryInput } from "../schema.js";
import { nodesFromApi } from "../conditions.js";

export default {
  id: "cluster-api",
  area: "installer",
  name: "Cluster API (core)",
  description:
    "Declarative cluster lifecycle: a management cluster creates, upgrades and replaces workload-cluster machines through an infrastructure provider. The core controllers plus the kubeadm bootstrap and control-plane providers are installed with clusterctl.",
  levels: { SUP: "recommended", MBU: "recommended", ENT: "recommended" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "Cluster API manages clusters as Kubernetes objects when the infrastructure has an API; worth it from medium size up.",
  },
  deviation:
    "Cluster API is mature (v1beta2 APIs, clusterctl upgrades) and the simplest way to get repeatable node replacement whenever nodes come from an API, even for a small team.",
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/kubernetes-sigs/cluster-api", "https://cluster-api.sigs.k8s.io/"],
  install: {
    kind: "host",
    version: "1.14.1",
    how: "Run clusterctl v1.14.1 `init` against the management cluster (or a bootstrap kind cluster that is then pivoted); providers are pinned in clusterctl.yaml.",
  },
  runtime: {
    namespace: "capi-system",
    podSecurity: "restricted",
    ports: [
      {
        port: 9443,
        protocol: "TCP",
        from: "nodes",
        purpose: "admission and conversion webhooks called by the API server",
      },
      { port: 8443, protocol: "TCP", from: "monitoring", purpose: "controller metrics" },
    ],
    needsApiServer: true,
    needsEgress: true,
  },
  provides: ["cluster-api"],
  onlyWhen: [
    nodesFromApi,
    {
      fact: "infrastructureProvider",
      in: ["vsphere", "openstack", "metal3"],
      because: "a Cluster API infrastructure provider exists for your infrastructure",
      otherwise: "no Cluster API infrastructure provider is configured",
    },
  ],
} satisfies CatalogEntryInput;
