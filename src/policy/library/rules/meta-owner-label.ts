/** Workloads name their owning team. */
import type { LibraryRule } from "../rule.js";
import { celParamString } from "../../params/params.js";

export const rule: LibraryRule = {
  meta: {
    id: "meta-owner-label",
    severity: "warning",
    title: "Workloads name their owning team",
    why: "When something breaks at night the on-call engineer must find the owning team from the object alone.",
    fix: "Add the owner label (params.ownerLabel, default `team`) to metadata.labels and the pod template.",
    tags: ["vap"],
  },
  scope: "pod",
  check: `${celParamString("ownerLabel", "team")} in object.metadata.?labels.orValue({}) && ${celParamString("ownerLabel", "team")} in variables.podMeta.?labels.orValue({})`,
  field: ["metadata", "labels"],
  message: "owner label is missing",
  messageExpression: `'owner label ' + ${celParamString("ownerLabel", "team")} + ' is missing'`,
  usesParams: true,
};
