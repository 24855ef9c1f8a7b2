/** imagePullPolicy is not Never. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "img-pull-policy-never",
    severity: "warning",
    title: "imagePullPolicy is not Never",
    why: "With Never a pod only starts where the image was preloaded, and nodes can silently run stale content.",
    fix: "Remove imagePullPolicy or set it to IfNotPresent (digest-pinned) or Always.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check: "!has(c.imagePullPolicy) || c.imagePullPolicy != 'Never'",
  message: "imagePullPolicy is Never",
};
