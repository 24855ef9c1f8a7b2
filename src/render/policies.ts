import { exportPolicies } from "../policy/export/export.js";
import { libraryRules } from "../policy/library/index.js";
import { defaultParams } from "../policy/params/params.js";

/**
 * The policy library's ValidatingAdmissionPolicies, bindings and params, as rendered by
 * `bespoke policy export`: the cluster refuses what `bespoke check` reports, with the same CEL.
 */
export function policyGuardrails(): ReadonlyMap<string, ReadonlyMap<string, string>> {
  return new Map([["policies", exportPolicies(libraryRules, defaultParams)]]);
}
