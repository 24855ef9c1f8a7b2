import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "podsecuritypolicy",
  area: "pod-security",
  name: "PodSecurityPolicy",
  description: "The cluster-scoped policy object that restricted privileged pods until Kubernetes 1.24.",
  levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
  seed: {
    levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
    said: "PodSecurityPolicies restrict privileged containers, host access and root users.",
  },
  deviation: "The API no longer exists; use Pod Security Admission plus ValidatingAdmissionPolicy.",
  status: "retired",
  replacement: "pod-security-admission",
  statusReason: "Deprecated in Kubernetes 1.21 and removed in 1.25 (August 2022).",
  verified: "2026-11-25",
  sources: ["https://kubernetes.io/docs/concepts/security/pod-security-policy/"],
} satisfies CatalogEntryInput;
