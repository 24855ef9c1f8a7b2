import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "consul",
  area: "mesh",
  name: "Consul service mesh",
  description:
    "HashiCorp Consul with Connect as a service mesh across Kubernetes and VMs (consul-k8s). Still maintained by IBM/HashiCorp, but no longer open source.",
  levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
  seed: {
    levels: { SUP: "not-needed", MBU: "optional", ENT: "optional" },
    said: "Consul Connect as a mesh when VMs and Kubernetes must share one.",
  },
  deviation: "Bespoke defaults to OSI-licensed components; Istio ambient (or Linkerd) covers the mesh.",
  status: "deprecated",
  replacement: "istio-ambient",
  statusReason:
    "Licence changed to the Business Source License 1.1 in August 2023 and HashiCorp is IBM-owned since February 2025; open-source meshes cover the same need.",
  verified: "2026-11-25",
  sources: ["https://github.com/hashicorp/consul-k8s/releases", "https://www.hashicorp.com/license-faq"],
} satisfies CatalogEntryInput;
