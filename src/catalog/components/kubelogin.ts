import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "kubelogin",
  area: "sso",
  name: "kubelogin (kubectl oidc-login)",
  description:
    "kubectl credential plugin that logs users in through the browser against the OIDC issuer (corporate IdP, Dex or Keycloak) and caches the tokens. Replaces Gangway's copy-a-kubeconfig page: every user gets the same kubeconfig from the platform repository.",
  levels: { SUP: "recommended", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "Gangway gives users a kubeconfig after they log in with Dex.",
  },
  deviation:
    "Gangway is archived; kubelogin is the standard way to use OIDC from kubectl and costs nothing to run, so it is recommended for startups and required where several teams log in.",
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/int128/kubelogin", "https://github.com/int128/kubelogin/releases"],
  install: {
    kind: "host",
    version: "1.36.0",
    how: "Install on each user's workstation with krew (`kubectl krew install oidc-login`) or a package manager; the platform repository ships the kubeconfig with the exec plugin settings.",
  },
  provides: ["kubectl-login"],
} satisfies CatalogEntryInput;
