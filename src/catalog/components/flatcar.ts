import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "flatcar",
  area: "os",
  name: "Flatcar Container Linux",
  description:
    "Immutable, container-optimised node OS (CNCF incubating) configured by Ignition and updated atomically. Suits nodes that are replaced rather than patched, for example with Cluster API; needs skills the OS team may not have.",
  levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
    said: "Flatcar as an immutable alternative to a general-purpose distribution.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: ["https://www.flatcar.org/releases", "https://github.com/flatcar/Flatcar"],
  install: {
    kind: "host",
    version: "4230.2.4",
    how: "Boot nodes from the Flatcar Stable image with an Ignition (Butane) config kept in Git; Cluster API providers ship Flatcar templates.",
  },
  provides: ["node-os"],
  alternatives: {
    group: "os",
    rank: 2,
    preferWhen: [
      {
        fact: "kubernetesSkills",
        equals: "advanced",
        because: "your team is confident running immutable, replace-not-patch nodes",
        otherwise: "a general-purpose distribution is easier for your team to operate",
      },
    ],
  },
} satisfies CatalogEntryInput;
