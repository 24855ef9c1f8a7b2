import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "trivy-operator",
  area: "scanning",
  name: "Trivy Operator",
  description:
    "Continuously scans running workloads for vulnerable images, misconfigurations, exposed secrets and RBAC issues, and stores the results as report CRDs (with Prometheus metrics). The node infrastructure scan is disabled here because it needs host access; run CIS node checks from the hosts instead.",
  levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
    said: "Trivy (Starboard) scans images and configurations in the cluster.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/aquasecurity/trivy-operator/releases",
    "https://aquasecurity.github.io/trivy-operator/latest/",
  ],
  install: {
    kind: "helm",
    repo: "https://aquasecurity.github.io/helm-charts",
    chart: "trivy-operator",
    version: "0.36.0",
  },
  runtime: {
    namespace: "trivy-system",
    podSecurity: "restricted",
    ports: [{ port: 8080, protocol: "TCP", from: "monitoring", purpose: "metrics" }],
    needsApiServer: true,
    needsEgress: true,
    values: {
      operator: {
        scanJobsConcurrentLimit: 3,
        infraAssessmentScannerEnabled: false,
        vulnerabilityScannerScanOnlyCurrentRevisions: true,
      },
      trivy: { ignoreUnfixed: true, severity: "HIGH,CRITICAL" },
      resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "512Mi" } },
      serviceMonitor: { enabled: true },
    },
  },
  requires: ["monitoring"],
  provides: ["vulnerability-scanning"],
  includeWhen: [
    {
      fact: "complianceRequired",
      equals: true,
      because: "your audits ask for continuous vulnerability reports",
      otherwise: "you have no audit that asks for continuous vulnerability reports",
    },
  ],
} satisfies CatalogEntryInput;
