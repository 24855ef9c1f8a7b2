import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "trivy",
  area: "scanning",
  name: "Trivy CLI",
  description:
    "Scanner for images, file systems, IaC and SBOMs, run in CI before an image is pushed. After the March 2026 supply-chain compromise (CVE-2026-33634: a malicious v0.69.4 and hijacked trivy-action tags), pin the binary by checksum and CI actions by commit SHA, never by tag.",
  levels: { SUP: "recommended", MBU: "recommended", ENT: "mandatory" },
  seed: {
    levels: { SUP: "recommended", MBU: "recommended", ENT: "mandatory" },
    said: "Scan images with Trivy in the CI pipeline.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/aquasecurity/trivy/releases",
    "https://github.com/aquasecurity/trivy/security/advisories",
  ],
  install: {
    kind: "host",
    version: "0.76.1",
    how: "Install the release binary in CI runner images, verified against the release checksums and signature; reference CI actions by full commit SHA.",
  },
  provides: ["image-scanning"],
} satisfies CatalogEntryInput;
