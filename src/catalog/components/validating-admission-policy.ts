import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "validating-admission-policy",
  area: "policy",
  name: "ValidatingAdmissionPolicy (CEL)",
  description:
    "Built-in, in-process admission policies written in CEL: no webhook to run or keep available. Bespoke's `check` evaluates the same CEL offline, so the policies in Git and in the cluster are the same.",
  levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
    said: "OPA Gatekeeper enforces organisation policies as an admission webhook.",
  },
  deviation:
    "ValidatingAdmissionPolicy is GA since 1.30 and costs nothing to run, so even a small platform gets the baseline policies; a policy engine is only added for mutation, generation or reports.",
  status: "current",
  verified: "2026-11-25",
  sources: ["https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/"],
  install: {
    kind: "builtin",
    since: "v1.30",
    how: "Apply ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding objects from the platform repository; no API server flag is needed.",
  },
  provides: ["admission-policy"],
} satisfies CatalogEntryInput;
