import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "vault",
  area: "secrets",
  name: "HashiCorp Vault",
  description:
    "Secret store with dynamic credentials and PKI (now Vault 2.x, owned by IBM). Still maintained, but no longer open source; organisations with a Vault Enterprise contract may keep it, External Secrets works with both.",
  levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" },
  seed: {
    levels: { SUP: "optional", MBU: "recommended", ENT: "mandatory" },
    said: "HashiCorp Vault as the central secret store.",
  },
  deviation: "Bespoke defaults to OSI-licensed components; OpenBao is the API-compatible open-source fork.",
  status: "deprecated",
  replacement: "openbao",
  statusReason:
    "Licence changed to the Business Source License 1.1 in August 2023 (Vault 1.15+), which is not an open-source licence; IBM completed its acquisition of HashiCorp in February 2025.",
  verified: "2026-11-25",
  sources: ["https://github.com/hashicorp/vault/releases", "https://www.hashicorp.com/license-faq"],
} satisfies CatalogEntryInput;
