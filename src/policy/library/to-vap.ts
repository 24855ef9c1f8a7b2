/**
 * Turns a library rule into its ValidatingAdmissionPolicy. The shared variables give every rule
 * the same view of a pod (whatever workload wraps it) and the same exception semantics, so a rule
 * file only states its own check.
 */
import type { ValidatingAdmissionPolicy, Variable } from "../vap/types.js";
import {
  celCoversContainer,
  celValidException,
  exceptionKey,
  exceptionPrefix,
} from "../exceptions/annotation.js";
import { celString, resourcesOf, type LibraryRule } from "./rule.js";

export const policyNamePrefix = "bespoke-";

export function policyName(ruleId: string): string {
  return policyNamePrefix + ruleId;
}

const podSpec =
  "object.kind == 'Pod' ? object.spec : (object.kind == 'CronJob' ? " +
  "object.spec.jobTemplate.spec.template.spec : object.spec.template.spec)";
const podMeta =
  "object.kind == 'Pod' ? object.metadata : (object.kind == 'CronJob' ? " +
  "object.spec.jobTemplate.spec.template.?metadata.orValue({}) : object.spec.template.?metadata.orValue({}))";
const isBatch =
  "object.kind in ['Job', 'CronJob'] || (object.kind == 'Pod' && " +
  "object.metadata.?ownerReferences.orValue([]).exists(o, o.kind == 'Job'))";
// The request time as the apiserver stamped it: creationTimestamp on create, the managedFields
// entry of the writer on update. string() keeps it RFC 3339 whether typed (cluster) or not (offline).
const times =
  "(has(object.metadata.creationTimestamp) ? [string(object.metadata.creationTimestamp)] : []) + " +
  "(has(object.metadata.managedFields) ? object.metadata.managedFields.filter(m, has(m.time)).map(m, string(m.time)) : [])";

function annotationOf(meta: string, key: string): string {
  return `(${key} in ${meta}.?annotations.orValue({}) ? ${meta}.annotations[${key}] : '')`;
}

// Does any exception annotation (for any rule) sit on one of these metadata? Shared by every rule
// (same text), so objects without exceptions skip each rule's own exception variables. A non-map
// `annotations` counts as "maybe", leaving the decision (and its error) to the rule's variables.
function anyException(metas: readonly string[]): string {
  const prefix = celString(exceptionPrefix);
  return metas
    .map(
      (m) =>
        `(type(${m}.?annotations.orValue({})) != map || ${m}.?annotations.orValue({}).exists(k, k.startsWith(${prefix})))`,
    )
    .join(" || ");
}

function isPodRule(rule: LibraryRule): boolean {
  return rule.scope !== "object";
}

export function ruleVariables(rule: LibraryRule): Variable[] {
  const key = celString(exceptionKey(rule.meta.id));
  const vars: Variable[] = [];
  if (isPodRule(rule)) {
    vars.push({ name: "podSpec", expression: podSpec });
    vars.push({ name: "podMeta", expression: podMeta });
    vars.push({ name: "isBatch", expression: isBatch });
    vars.push({
      name: "containers",
      expression:
        rule.scope === "container" && rule.containers === "all"
          ? "variables.podSpec.?initContainers.orValue([]) + variables.podSpec.?containers.orValue([]) + variables.podSpec.?ephemeralContainers.orValue([])"
          : "variables.podSpec.?containers.orValue([])",
    });
  }
  vars.push({ name: "times", expression: times });
  vars.push({
    name: "excObject",
    expression: isPodRule(rule)
      ? `${annotationOf("object.metadata", key)} != '' ? ${annotationOf("object.metadata", key)} : (${annotationOf("variables.podMeta", key)})`
      : annotationOf("object.metadata", key),
  });
  vars.push({
    name: "excNamespace",
    expression: `namespaceObject != null && ${key} in namespaceObject.metadata.?annotations.orValue({}) ? namespaceObject.metadata.annotations[${key}] : ''`,
  });
  vars.push({
    name: "anyException",
    expression:
      anyException(isPodRule(rule) ? ["object.metadata", "variables.podMeta"] : ["object.metadata"]) +
      " || (namespaceObject != null && " +
      anyException(["namespaceObject.metadata"]) +
      ")",
  });
  vars.push({
    name: "exceptions",
    expression: `!variables.anyException ? [] : [dyn(variables.excObject), dyn(variables.excNamespace)].filter(v, ${celValidException("v")})`,
  });
  if (rule.scope === "container") {
    vars.push({
      name: "failing",
      // anyException (shared, computed once per request) spares clean objects this policy's own
      // exception variables for every failing container.
      expression: `variables.containers.filter(c, !(${rule.check}) && (!variables.anyException || !variables.exceptions.exists(v, ${celCoversContainer("v", "c")}))).map(c, c.name)`,
    });
  }
  return vars;
}

/**
 * Whether an exception without a container list covers the whole object. Written into each
 * expression rather than kept as a variable: most objects carry no exception, and a variable
 * costs an evaluation of its own wherever it is read.
 */
const exemptAll =
  "(variables.anyException && variables.exceptions.exists(v, !v.matches('(^|;)\\\\s*containers\\\\s*=')))";

export function toVap(rule: LibraryRule): ValidatingAdmissionPolicy {
  const guard = rule.appliesWhen ? `!(${rule.appliesWhen}) || ` : "";
  const validation =
    rule.scope === "container"
      ? {
          // The check comes first so exceptions are only read for objects that fail (CEL's || commutes).
          expression: `${guard}size(variables.failing) == 0 || ${exemptAll}`,
          messageExpression: `${celString(rule.message + " (containers: ")} + variables.failing.join(', ') + ')'`,
        }
      : {
          expression: `${guard}(${rule.check}) || ${exemptAll}`,
          ...(rule.messageExpression
            ? { messageExpression: rule.messageExpression, message: rule.message }
            : { message: rule.message }),
        };
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: {
      name: policyName(rule.meta.id),
      labels: { "app.kubernetes.io/managed-by": "bespoke", "bespoke.dev/rule": rule.meta.id },
      annotations: {
        "bespoke.dev/severity": rule.meta.severity,
        "bespoke.dev/title": rule.meta.title,
      },
    },
    spec: {
      failurePolicy: "Fail",
      ...(rule.usesParams ? { paramKind: { apiVersion: "v1", kind: "ConfigMap" } } : {}),
      matchConstraints: {
        // RBAC defaults the apiserver reconciles itself must never be blocked.
        objectSelector: {
          matchExpressions: [{ key: "kubernetes.io/bootstrapping", operator: "DoesNotExist" }],
        },
        resourceRules: resourcesOf(rule).map((r) => ({
          apiGroups: [...r.apiGroups],
          apiVersions: [...r.apiVersions],
          resources: [...r.resources],
          operations: ["CREATE", "UPDATE"],
        })),
      },
      variables: ruleVariables(rule),
      validations: [validation],
      ...(rule.scope === "container"
        ? {
            auditAnnotations: [
              {
                key: "containers",
                // An empty value omits the annotation (the apiserver's rule), so clean objects add nothing.
                valueExpression: `${exemptAll} || ${guard}size(variables.failing) == 0 ? '' : variables.failing.join(',')`,
              },
            ],
          }
        : {}),
    },
  };
}
