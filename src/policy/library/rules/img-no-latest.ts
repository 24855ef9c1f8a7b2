/** Images have an explicit tag other than latest, or a digest. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "img-no-latest",
    severity: "error",
    title: "Images have an explicit tag other than latest, or a digest",
    why: "`latest` or a missing tag makes a rollout unreproducible: two nodes may run different code under one name.",
    fix: "Pin a version tag (image: app:1.4.2) or, better, a digest (image: app@sha256:...).",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check: "c.image.contains('@') || (c.image.matches(':[^/:]+$') && !c.image.endsWith(':latest'))",
  message: "image uses latest or no tag",
};
