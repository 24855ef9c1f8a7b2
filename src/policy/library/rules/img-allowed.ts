/** Images match the allowed image patterns. */
import type { LibraryRule } from "../rule.js";
import { celParamList } from "../../params/params.js";

export const rule: LibraryRule = {
  meta: {
    id: "img-allowed",
    severity: "error",
    title: "Images match the allowed image patterns",
    why: "An allow list keeps workloads to images the platform team has vetted.",
    fix: "Use an image that matches one of params.allowedImages, or ask the platform team to add a pattern.",
    tags: ["vap"],
  },
  scope: "container",
  containers: "all",
  check: `size(${celParamList("allowedImages")}) == 0 || ${celParamList("allowedImages")}.exists(p, c.image.matches('^(?:' + p + ')$'))`,
  message: "image is not in the allowed image list",
  usesParams: true,
};
