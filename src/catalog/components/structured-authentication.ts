import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "structured-authentication",
  area: "sso",
  name: "Structured authentication configuration",
  description:
    "The API server's --authentication-config file (GA in 1.34): several JWT issuers at once, CEL claim mappings and validation rules, reloaded without a restart. Lets the API server trust the corporate OIDC IdP, Dex or Keycloak directly, replacing the single-issuer --oidc-* flags.",
  levels: { SUP: "recommended", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "Configure the API server's --oidc-* flags to trust the OIDC issuer.",
  },
  deviation:
    "The structured configuration supersedes the --oidc-* flags (multiple issuers, CEL mappings, no restarts) and is how every multi-team platform should authenticate users.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://kubernetes.io/docs/reference/access-authn-authz/authentication/#using-authentication-configuration",
    "https://github.com/kubernetes/enhancements/issues/3331",
  ],
  install: {
    kind: "builtin",
    since: "v1.34",
    how: "Write an AuthenticationConfiguration (apiserver.config.k8s.io/v1) with one jwt entry per issuer and pass it with --authentication-config in the kubeadm ClusterConfiguration (or the Cluster API KubeadmControlPlane).",
  },
  provides: ["user-authentication"],
} satisfies CatalogEntryInput;
