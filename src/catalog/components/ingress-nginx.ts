import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "ingress-nginx",
  area: "ingress",
  name: "ingress-nginx",
  description:
    "The community NGINX Ingress controller (kubernetes/ingress-nginx), once the default ingress controller. Not to be confused with F5's NGINX Ingress Controller. Migrate Ingress objects with ingress2gateway 1.0.",
  levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
  seed: {
    levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
    said: "ingress-nginx as the ingress controller for all HTTP(S) traffic.",
  },
  deviation:
    "Retired and archived in 2026; no security fixes since March 2026. Use the Gateway API with Envoy Gateway.",
  status: "retired",
  replacement: "envoy-gateway",
  statusReason:
    "Retirement announced 2025-11-11, best-effort maintenance ended March 2026 and the repository was archived in April 2026; its planned successor InGate was retired too.",
  verified: "2026-11-25",
  sources: [
    "https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/",
    "https://github.com/kubernetes/org/issues/6231",
    "https://github.com/kubernetes-sigs/ingress2gateway",
  ],
} satisfies CatalogEntryInput;
