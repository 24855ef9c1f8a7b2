import type { CatalogEntryInput } from "../schema.js";
import { metal3Provider, nodesFromApi } from "../conditions.js";

export default {
  id: "cluster-api-metal3",
  area: "installer",
  name: "Cluster API Provider Metal3 (CAPM3)",
  description:
    "Cluster API infrastructure provider that turns BareMetalHosts managed by Metal3 (Bare Metal Operator + Ironic) into workload-cluster machines: physical servers with an API.",
  levels: { SUP: "recommended", MBU: "recommended", ENT: "recommended" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
    said: "Metal3 brings Cluster API to bare metal through Ironic; for large bare-metal estates.",
  },
  deviation:
    "If you already run Metal3/Ironic (provisioning through an API on bare metal), CAPM3 is the way to use it at any size; it is only chosen when that fact is set.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/metal3-io/cluster-api-provider-metal3",
    "https://book.metal3.io/capm3/introduction",
  ],
  install: {
    kind: "host",
    version: "1.14.0",
    how: "clusterctl init --infrastructure metal3:v1.14.0 (the CAPM3 release that pairs with Cluster API 1.14) on the management cluster that also runs the Bare Metal Operator.",
  },
  runtime: {
    namespace: "capm3-system",
    podSecurity: "restricted",
    ports: [{ port: 9443, protocol: "TCP", from: "nodes", purpose: "webhooks called by the API server" }],
    needsApiServer: true,
    needsEgress: false,
  },
  requires: ["cluster-api", "metal3"],
  provides: ["kubernetes-installer"],
  alternatives: { group: "installer", rank: 1 },
  onlyWhen: [nodesFromApi, metal3Provider],
} satisfies CatalogEntryInput;
