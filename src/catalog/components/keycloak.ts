import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "keycloak",
  area: "sso",
  name: "Keycloak",
  description:
    "Full identity provider (CNCF incubating): users, groups, MFA, OIDC and SAML. Chosen when the organisation has no IdP of its own, so the platform becomes it. Needs a PostgreSQL database (an operator such as CloudNativePG or an external one); the official route is the Keycloak Operator, the community keycloakx chart is used here.",
  levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
  seed: {
    levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
    said: "Keycloak when no identity provider exists yet.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/keycloak/keycloak/releases",
    "https://github.com/codecentric/helm-charts/tree/master/charts/keycloakx",
    "https://www.keycloak.org/documentation",
  ],
  install: {
    kind: "helm",
    repo: "https://codecentric.github.io/helm-charts",
    chart: "keycloakx",
    version: "7.3.0",
    appVersion: "26.7.2",
  },
  runtime: {
    namespace: "keycloak",
    podSecurity: "restricted",
    ports: [
      {
        port: 8080,
        protocol: "TCP",
        from: "ingress",
        purpose: "OIDC/SAML endpoints and console (TLS ends at the gateway)",
      },
      { port: 9000, protocol: "TCP", from: "monitoring", purpose: "management: health and metrics" },
      { port: 7800, protocol: "TCP", from: "cluster", purpose: "Infinispan cluster cache (JGroups)" },
    ],
    needsApiServer: false,
    needsEgress: true,
    values: {
      replicas: 2,
      command: ["/opt/keycloak/bin/kc.sh", "start", "--http-enabled=true", "--proxy-headers=xforwarded"],
      database: { vendor: "postgres" },
      http: { relativePath: "/" },
      resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { memory: "2Gi" } },
      podSecurityContext: { fsGroup: 1000, seccompProfile: { type: "RuntimeDefault" } },
      securityContext: {
        runAsUser: 1000,
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ["ALL"] },
      },
    },
  },
  requires: ["gateway-api"],
  provides: ["oidc-issuer"],
  alternatives: {
    group: "sso-broker",
    rank: 2,
    preferWhen: [
      {
        fact: "identityProvider",
        equals: "none",
        because: "you have no identity provider, so the platform needs one of its own",
        otherwise: "you already have a corporate identity provider",
      },
    ],
  },
  includeWhen: [
    {
      fact: "identityProvider",
      equals: "none",
      because: "you have no identity provider, so the platform needs one of its own",
      otherwise: "you already have a corporate identity provider",
    },
  ],
} satisfies CatalogEntryInput;
