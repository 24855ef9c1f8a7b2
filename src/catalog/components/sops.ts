import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "sops",
  area: "secrets",
  name: "SOPS",
  description:
    "Encrypts the values of YAML/JSON files with age (or PGP/KMS) so secrets can live in the GitOps repository; Flux decrypts them natively, Argo CD through a plugin. The simplest secret store for a small platform. CNCF sandbox under the getsops organisation.",
  levels: { SUP: "mandatory", MBU: "recommended", ENT: "optional" },
  seed: {
    levels: { SUP: "mandatory", MBU: "recommended", ENT: "optional" },
    said: "Encrypt secrets in Git with SOPS (or git-crypt) for small setups.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: ["https://github.com/getsops/sops", "https://github.com/getsops/sops/releases"],
  install: {
    kind: "host",
    version: "3.13.2",
    how: "Install the sops CLI and age on the platform team's workstations and CI; keep .sops.yaml creation rules and the public age recipients in the repository, the private key in the cluster only.",
  },
  provides: ["git-secrets"],
} satisfies CatalogEntryInput;
