import { exceptionKey } from "../policy/exceptions/annotation.js";

/**
 * Annotations that record a deliberate exception to a policy rule on the object itself, in the
 * policy library's format, so `bespoke check` and the cluster's VAPs accept what the platform needs
 * (a privileged CNI namespace, the break-glass admin role) and a reviewer sees why.
 */
export function exceptionAnnotations(ruleIds: readonly string[], reason: string): Record<string, string> {
  // `;` separates fields and `=` starts a value in the annotation format: keep the reason one field.
  const clean = reason.replaceAll(";", ",").replace(/\s+/g, " ").trim();
  return Object.fromEntries(ruleIds.map((id) => [exceptionKey(id), `reason=${clean}`]));
}
