import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "dex",
  area: "sso",
  name: "Dex",
  description:
    "Small OIDC broker (CNCF sandbox) in front of an existing LDAP, Active Directory or SAML directory: gives kubectl (through kubelogin), Argo CD, Grafana and Headlamp one OIDC issuer. Stateless with the Kubernetes storage backend. Not needed when the corporate IdP already speaks OIDC: the API server trusts it directly.",
  levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "recommended" },
    said: "Dex connects Kubernetes to the company directory, with Gangway handing out kubeconfigs.",
  },
  deviation:
    "With structured authentication config (GA 1.34) the API server trusts an OIDC IdP directly, so Dex is only chosen when the directory speaks LDAP, Active Directory or SAML.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/dexidp/dex/releases",
    "https://github.com/dexidp/helm-charts",
    "https://dexidp.io/docs/",
  ],
  install: { kind: "helm", repo: "https://charts.dexidp.io", chart: "dex", version: "0.24.0" },
  runtime: {
    namespace: "dex",
    podSecurity: "restricted",
    ports: [
      { port: 5556, protocol: "TCP", from: "ingress", purpose: "OIDC issuer (through the gateway)" },
      { port: 5558, protocol: "TCP", from: "monitoring", purpose: "telemetry and health" },
    ],
    needsApiServer: true,
    needsEgress: true,
    values: {
      replicaCount: 2,
      config: { storage: { type: "kubernetes", config: { inCluster: true } } },
      resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "256Mi" } },
      podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
      securityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ["ALL"] },
      },
    },
  },
  requires: ["gateway-api"],
  provides: ["oidc-issuer"],
  alternatives: { group: "sso-broker", rank: 1 },
  includeWhen: [
    {
      fact: "identityProvider",
      in: ["ldap", "active-directory", "saml"],
      because:
        "your corporate directory speaks LDAP, Active Directory or SAML, which Kubernetes cannot use directly",
      otherwise: "there is no LDAP, Active Directory or SAML directory to translate into OIDC",
    },
  ],
} satisfies CatalogEntryInput;
