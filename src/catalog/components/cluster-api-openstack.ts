import type { CatalogEntryInput } from "../schema.js";
import { nodesFromApi } from "../conditions.js";

export default {
  id: "cluster-api-openstack",
  area: "installer",
  name: "Cluster API Provider OpenStack (CAPO)",
  description:
    "Cluster API infrastructure provider that creates workload-cluster servers, networks and load balancers through the OpenStack APIs (Nova, Neutron, Octavia).",
  levels: { SUP: "recommended", MBU: "recommended", ENT: "recommended" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "On OpenStack, let Cluster API create the servers.",
  },
  deviation:
    "Whenever nodes live in OpenStack, creating them through its API is less work than hand-made servers even for a small team, so it is recommended for every size.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/kubernetes-sigs/cluster-api-provider-openstack",
    "https://github.com/kubernetes-sigs/cluster-api-provider-openstack/releases",
  ],
  install: {
    kind: "host",
    version: "0.14.4",
    how: "clusterctl init --infrastructure openstack:v0.14.4 on the management cluster, with a clouds.yaml Secret; ORC (OpenStack Resource Controller) is installed alongside as the provider docs require.",
  },
  runtime: {
    namespace: "capo-system",
    podSecurity: "restricted",
    ports: [{ port: 9443, protocol: "TCP", from: "nodes", purpose: "webhooks called by the API server" }],
    needsApiServer: true,
    needsEgress: true,
  },
  requires: ["cluster-api"],
  provides: ["kubernetes-installer"],
  alternatives: { group: "installer", rank: 1 },
  onlyWhen: [
    nodesFromApi,
    {
      fact: "infrastructureProvider",
      equals: "openstack",
      because: "your nodes run on OpenStack",
      otherwise: "your nodes do not run on OpenStack",
    },
  ],
} satisfies CatalogEntryInput;
