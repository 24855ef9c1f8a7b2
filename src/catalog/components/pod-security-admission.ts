import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "pod-security-admission",
  area: "pod-security",
  name: "Pod Security Admission",
  description:
    "The built-in admission controller that enforces the Pod Security Standards (privileged, baseline, restricted) per namespace through labels. Bespoke labels every namespace it renders: restricted by default, and the component's declared level with a reason where it needs more.",
  levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
    said: "The recipe predates Pod Security Admission and used PodSecurityPolicy.",
  },
  deviation:
    "PodSecurityPolicy was removed in Kubernetes 1.25; Pod Security Admission is its built-in successor.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://kubernetes.io/docs/concepts/security/pod-security-admission/",
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
  ],
  install: {
    kind: "builtin",
    since: "v1.25",
    how: "Enabled by default: set cluster-wide defaults (enforce baseline, warn and audit restricted) in the API server's AdmissionConfiguration and label each namespace with pod-security.kubernetes.io/enforce.",
  },
  provides: ["pod-security"],
} satisfies CatalogEntryInput;
