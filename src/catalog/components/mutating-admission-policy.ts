import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "mutating-admission-policy",
  area: "policy",
  name: "MutatingAdmissionPolicy (CEL)",
  description:
    "Built-in CEL mutations (GA in Kubernetes 1.36): set defaults such as seccomp profiles, resource requests or labels without a mutating webhook. Needs clusters on 1.36 or newer.",
  levels: { SUP: "optional", MBU: "optional", ENT: "recommended" },
  seed: {
    levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
    said: "Not in the recipe; mutation needed a webhook such as Gatekeeper's mutation feature.",
  },
  deviation:
    "GA since 1.36; a webhook-free way to apply platform defaults, worth it where many teams share clusters.",
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/",
    "https://kubernetes.dev/resources/keps/3962",
  ],
  install: {
    kind: "builtin",
    since: "v1.36",
    how: "Apply MutatingAdmissionPolicy and MutatingAdmissionPolicyBinding objects (admissionregistration.k8s.io/v1) from the platform repository.",
  },
  provides: ["admission-mutation"],
  includeWhen: [
    {
      fact: "teams",
      atLeast: 5,
      because: "five or more teams share the clusters, so defaults are best applied centrally",
      otherwise: "few teams share the clusters, so defaults can live in each team's manifests",
    },
  ],
} satisfies CatalogEntryInput;
