import type { CatalogEntryInput } from "../schema.js";
import { metal3Provider, nodesFromApi } from "../conditions.js";

export default {
  id: "metal3",
  area: "installer",
  name: "Metal3 (Bare Metal Operator + Ironic)",
  description:
    "Bare Metal Operator and Ironic: inspect, provision and power-manage physical servers through BMCs (Redfish/IPMI) as BareMetalHost objects. Ironic serves DHCP/PXE/iPXE and images on the provisioning network, so it runs on the host network.",
  levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "recommended" },
    said: "Metal3 with Ironic provisions bare metal for Cluster API.",
  },
  deviation:
    "Chosen only when you say your bare metal is provisioned through Metal3; then it is needed regardless of size, so the levels no longer rule it out for smaller platforms.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/metal3-io/baremetal-operator",
    "https://github.com/metal3-io/ironic-standalone-operator",
    "https://book.metal3.io/",
  ],
  install: {
    kind: "manifests",
    source: "https://github.com/metal3-io/baremetal-operator/tree/v0.12.3/config",
    version: "v0.12.3",
  },
  runtime: {
    namespace: "baremetal-operator-system",
    podSecurity: "privileged",
    podSecurityReason:
      "Ironic runs with hostNetwork to serve DHCP, TFTP/iPXE and images on the provisioning network and needs NET_ADMIN; Pod Security baseline forbids host networking.",
    ports: [
      {
        port: 6385,
        protocol: "TCP",
        from: "nodes",
        purpose: "Ironic API used by the Bare Metal Operator and agents",
      },
      { port: 6180, protocol: "TCP", from: "nodes", purpose: "HTTP image and iPXE script server" },
      { port: 67, protocol: "UDP", from: "nodes", purpose: "DHCP on the provisioning network" },
      { port: 69, protocol: "UDP", from: "nodes", purpose: "TFTP for PXE boot" },
      { port: 9443, protocol: "TCP", from: "nodes", purpose: "BareMetalHost webhooks" },
    ],
    needsApiServer: true,
    needsEgress: true,
  },
  requires: ["certificates"],
  onlyWhen: [nodesFromApi, metal3Provider],
} satisfies CatalogEntryInput;
