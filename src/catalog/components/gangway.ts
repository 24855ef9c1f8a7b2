import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "gangway",
  area: "sso",
  name: "Gangway",
  description: "Web page that let users log in through OIDC and download a kubeconfig.",
  levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "Gangway gives users a kubeconfig after they log in with Dex.",
  },
  deviation: "Archived since 2021; use kubelogin with a shared kubeconfig.",
  status: "retired",
  replacement: "kubelogin",
  statusReason:
    "The repository was archived on 2021-07-15 (vmware-archive); only a third-party fork remains.",
  verified: "2026-11-25",
  sources: ["https://github.com/vmware-archive/gangway"],
} satisfies CatalogEntryInput;
