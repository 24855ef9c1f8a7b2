/** Images are pinned by digest. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "img-digest",
    severity: "warning",
    title: "Images are pinned by digest",
    why: "A tag can be moved to other content at any time; only a digest names exactly the bytes that were reviewed and scanned.",
    fix: "Reference the image by digest: image: registry/app:1.4.2@sha256:<64 hex>.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check: "c.image.matches('@sha256:[0-9a-f]{64}$')",
  message: "image is not pinned by digest",
};
