import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "kubeadm",
  area: "installer",
  name: "kubeadm",
  description:
    "The upstream tool that bootstraps a conformant control plane and joins nodes. The default installer when machines are provisioned by hand or there is no infrastructure API; Cluster API uses it underneath as its bootstrap provider. Packages come from pkgs.k8s.io (the old apt/yum repositories are gone).",
  levels: { SUP: "recommended", MBU: "recommended", ENT: "recommended" },
  seed: {
    levels: { SUP: "recommended", MBU: "recommended", ENT: "optional" },
    said: "Install Kubernetes with kubeadm on prepared machines; larger organisations may automate it with Kubespray or Cluster API.",
  },
  deviation:
    "Recommended for enterprises too: when nodes are not created through an API, kubeadm is the smallest dependable path, and the planner only keeps it when no Cluster API provider or Kubespray fits better.",
  status: "current",
  verified: "2026-11-25",
  sources: ["https://kubernetes.io/releases/", "https://kubernetes.io/docs/reference/setup-tools/kubeadm/"],
  install: {
    kind: "host",
    version: "1.37.1",
    how: "Install kubeadm, kubelet and kubectl from the pkgs.k8s.io v1.37 package repository on every node, then kubeadm init / kubeadm join with a versioned ClusterConfiguration kept in Git.",
  },
  provides: ["kubernetes-installer"],
  alternatives: { group: "installer", rank: 2 },
} satisfies CatalogEntryInput;
