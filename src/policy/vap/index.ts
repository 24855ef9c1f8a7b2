/**
 * Offline ValidatingAdmissionPolicy engine: the apiserver's verdict for a request, without a cluster.
 *
 * API
 *   compilePolicySet({ policies, bindings, params }) → CompiledPolicySet
 *     policies: admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy objects (parsed YAML)
 *     bindings: ValidatingAdmissionPolicyBinding objects; params: objects paramRef may select
 *     Every CEL expression is compiled once here (and cached by text across policy sets).
 *     `compileErrors` lists expressions that do not compile (the apiserver would reject the policy).
 *     auditAnnotations: "whenFailed" (opt-in) skips annotations of bindings whose validations all
 *     passed, for callers whose annotations are empty then (bespoke check's library).
 *   compiled.admit(request) → AdmissionVerdict
 *     request: { object, oldObject?, operation? (default CREATE, DELETE when only oldObject),
 *                namespaceObject?, userInfo?, kind?/resource? (derived from the object), dryRun? }
 *     → { allowed, denials: [{ policy, binding, message, validationMessage, reason,
 *                               validationIndex, actions }],
 *         warnings, audit, auditAnnotations, errors }
 *     `message` is exactly the apiserver's
 *       "ValidatingAdmissionPolicy 'P' with binding 'B' denied request: MSG".
 *
 * Example
 *   import { compilePolicySet } from "../vap/index.js";
 *   const set = compilePolicySet({ policies, bindings, params: [configMap] });
 *   for (const obj of objects) {
 *     const v = set.admit({ object: obj, namespaceObject: nsByName.get(obj.metadata?.namespace) });
 *     for (const d of v.denials) report(obj, d.policy, d.validationMessage);
 *   }
 *
 * Integers: pass YAML parsed with `{ intAsBigInt: true }` (or plain numbers; integral numbers are
 * treated as CEL ints). Semantics and known approximations: docs/adr (CEL evaluator ADR).
 */
export { compilePolicySet, type CompiledPolicySet, type PolicySetInput } from "./engine.js";
export { gvkOf, resourceOf, isClusterScoped } from "./resources.js";
export { selectorMatches } from "./selectors.js";
export type * from "./types.js";
