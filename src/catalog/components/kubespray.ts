import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "kubespray",
  area: "installer",
  name: "Kubespray",
  description:
    "Ansible playbooks (kubernetes-sigs) that install and upgrade production clusters on machines provisioned by an OS team. Fits enterprises that already run Ansible against a fleet of bare-metal or hand-made VMs.",
  levels: { SUP: "optional", MBU: "optional", ENT: "recommended" },
  seed: {
    levels: { SUP: "optional", MBU: "optional", ENT: "recommended" },
    said: "Use Kubespray when many nodes must be installed repeatably with Ansible.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/kubernetes-sigs/kubespray",
    "https://github.com/kubernetes-sigs/kubespray/releases",
  ],
  install: {
    kind: "host",
    version: "2.32.0",
    how: "Check out the v2.32.0 tag on an admin host, keep the inventory and group_vars in Git, and run the cluster.yml playbook against the nodes.",
  },
  provides: ["kubernetes-installer"],
  alternatives: {
    group: "installer",
    rank: 3,
    preferWhen: [
      {
        fact: "targetGroup",
        equals: "ENT",
        because: "an enterprise fleet of hand-provisioned machines is best managed with an Ansible inventory",
        otherwise: "a smaller platform is simpler to install with plain kubeadm",
      },
    ],
  },
  onlyWhen: [
    {
      fact: "provisioning",
      equals: "bare-metal",
      because: "your machines are provisioned by hand or by the OS team",
      otherwise: "your nodes are created through an API, so Cluster API installs them",
    },
  ],
} satisfies CatalogEntryInput;
