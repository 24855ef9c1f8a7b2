import type { CatalogEntryInput } from "../schema.js";
import { nodesFromApi } from "../conditions.js";

export default {
  id: "cluster-api-vsphere",
  area: "installer",
  name: "Cluster API Provider vSphere (CAPV)",
  description:
    "Cluster API infrastructure provider that creates workload-cluster VMs from templates in vCenter. The natural installer for a VMware shop; the v1beta1 API stops being served in CAPV v1.21, so manifests use v1beta2.",
  levels: { SUP: "recommended", MBU: "recommended", ENT: "recommended" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "On vSphere, let Cluster API create the VMs through vCenter.",
  },
  deviation:
    "Whenever nodes live in vSphere, creating them through vCenter is less work than hand-made VMs even for a small team, so it is recommended for every size.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/kubernetes-sigs/cluster-api-provider-vsphere",
    "https://github.com/kubernetes-sigs/cluster-api-provider-vsphere/releases",
  ],
  install: {
    kind: "host",
    version: "1.17.0",
    how: "clusterctl init --infrastructure vsphere:v1.17.0 on the management cluster, with vCenter credentials in a Secret.",
  },
  runtime: {
    namespace: "capv-system",
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
      equals: "vsphere",
      because: "your nodes run on vSphere",
      otherwise: "your nodes do not run on vSphere",
    },
  ],
} satisfies CatalogEntryInput;
