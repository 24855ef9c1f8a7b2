/** Images come from a trusted registry. */
import type { LibraryRule } from "../rule.js";
import { celParamList } from "../../params/params.js";

export const rule: LibraryRule = {
  meta: {
    id: "img-trusted-registry",
    severity: "error",
    title: "Images come from a trusted registry",
    why: "Images from unknown registries bypass the scanning, signing and retention the platform applies to its own registries.",
    fix: "Push the image to one of the trusted registries (params.trustedRegistries) and reference it from there.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check: `size(${celParamList("trustedRegistries")}) == 0 || ${celParamList("trustedRegistries")}.exists(r, c.image.startsWith(r))`,
  message: "image is not from a trusted registry",
  usesParams: true,
};
