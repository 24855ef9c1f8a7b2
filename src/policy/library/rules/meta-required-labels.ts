/** Workloads carry the required labels. */
import type { LibraryRule } from "../rule.js";
import { celParamList } from "../../params/params.js";

export const rule: LibraryRule = {
  meta: {
    id: "meta-required-labels",
    severity: "error",
    title: "Workloads carry the required labels",
    why: "Labels such as app.kubernetes.io/name drive ownership, cost reports, dashboards and alert routing.",
    fix: "Add every label in params.requiredLabels to metadata.labels and to the pod template labels.",
    tags: ["vap"],
  },
  scope: "pod",
  check: `${celParamList("requiredLabels")}.all(l, l in object.metadata.?labels.orValue({}) && l in variables.podMeta.?labels.orValue({}))`,
  field: ["metadata", "labels"],
  message: "required labels are missing",
  messageExpression: `'required labels are missing: ' + ${celParamList("requiredLabels")}.filter(l, !(l in object.metadata.?labels.orValue({}) && l in variables.podMeta.?labels.orValue({}))).join(', ')`,
  usesParams: true,
};
