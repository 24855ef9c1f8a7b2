import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "harbor",
  area: "registry",
  name: "Harbor",
  description:
    "Private OCI registry (CNCF graduated) for images and Helm charts: projects with RBAC and OIDC login, Trivy vulnerability scanning, signature (cosign/notation) policies, replication and proxy caches of public registries. Essential when air-gapped; needs PostgreSQL, Redis and persistent or S3 storage.",
  levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
    said: "Harbor as the private registry with vulnerability scanning.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/goharbor/harbor/releases",
    "https://github.com/goharbor/harbor-helm",
    "https://goharbor.io/docs/",
  ],
  install: {
    kind: "helm",
    repo: "https://helm.goharbor.io",
    chart: "harbor",
    version: "1.19.2",
    appVersion: "v2.15.2",
  },
  runtime: {
    namespace: "harbor",
    podSecurity: "restricted",
    ports: [
      {
        port: 8080,
        protocol: "TCP",
        from: "ingress",
        purpose: "registry API and portal (TLS ends at the gateway)",
      },
      { port: 8001, protocol: "TCP", from: "monitoring", purpose: "exporter metrics" },
    ],
    needsApiServer: false,
    needsEgress: true,
    values: {
      expose: { type: "clusterIP", tls: { enabled: false } },
      persistence: { enabled: true },
      trivy: { enabled: true },
      metrics: { enabled: true },
      core: { resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } } },
      registry: {
        registry: { resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } } },
      },
      jobservice: { resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } } },
    },
  },
  requires: ["gateway-api"],
  provides: ["image-registry"],
  includeWhen: [
    {
      fact: "airGapped",
      equals: true,
      because: "your clusters are air-gapped and need every image mirrored inside",
      otherwise: "your clusters can pull from a hosted registry",
    },
  ],
} satisfies CatalogEntryInput;
