/**
 * The slice of admissionregistration.k8s.io/v1 that the offline engine reads. Field names follow the
 * API exactly so policies written as YAML can be passed in unchanged (after YAML parsing).
 */

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

/** A Kubernetes object as plain data (e.g. parsed YAML). Integers may be numbers or bigints. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [key: string]: unknown;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export type Operation = "CREATE" | "UPDATE" | "DELETE" | "CONNECT";

export interface NamedRuleWithOperations {
  apiGroups?: string[];
  apiVersions?: string[];
  resources?: string[];
  operations?: (Operation | "*")[];
  scope?: "Cluster" | "Namespaced" | "*";
  resourceNames?: string[];
}

export interface MatchResources {
  namespaceSelector?: LabelSelector;
  objectSelector?: LabelSelector;
  resourceRules?: NamedRuleWithOperations[];
  excludeResourceRules?: NamedRuleWithOperations[];
  matchPolicy?: "Exact" | "Equivalent";
}

export interface Validation {
  expression: string;
  message?: string;
  reason?: string;
  messageExpression?: string;
}

export interface AuditAnnotation {
  key: string;
  valueExpression: string;
}

export interface MatchCondition {
  name: string;
  expression: string;
}

export interface Variable {
  name: string;
  expression: string;
}

export interface ParamKind {
  apiVersion?: string;
  kind?: string;
}

export interface ValidatingAdmissionPolicy extends KubeObject {
  metadata: ObjectMeta & { name: string };
  spec: {
    paramKind?: ParamKind;
    matchConstraints?: MatchResources;
    validations?: Validation[];
    failurePolicy?: "Fail" | "Ignore";
    auditAnnotations?: AuditAnnotation[];
    matchConditions?: MatchCondition[];
    variables?: Variable[];
  };
}

export interface ParamRef {
  name?: string;
  namespace?: string;
  selector?: LabelSelector;
  parameterNotFoundAction?: "Allow" | "Deny";
}

export type ValidationAction = "Deny" | "Warn" | "Audit";

export interface ValidatingAdmissionPolicyBinding extends KubeObject {
  metadata: ObjectMeta & { name: string };
  spec: {
    policyName: string;
    paramRef?: ParamRef;
    matchResources?: MatchResources;
    validationActions: ValidationAction[];
  };
}

export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface UserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

/**
 * One admission request. Only `object` (or `oldObject` for DELETE) is required: kind, resource,
 * name and namespace are derived from the object when omitted.
 */
export interface AdmissionRequest {
  operation?: Operation;
  object?: KubeObject | null;
  oldObject?: KubeObject | null;
  /** The Namespace object the request's object lives in (for namespaceSelector and `namespaceObject`). */
  namespaceObject?: KubeObject | null;
  userInfo?: UserInfo;
  kind?: GroupVersionKind;
  resource?: GroupVersionResource;
  subResource?: string;
  name?: string;
  namespace?: string;
  dryRun?: boolean;
  options?: KubeObject | null;
  uid?: string;
}

export interface Denial {
  policy: string;
  binding: string;
  /** Exactly the apiserver's text: `ValidatingAdmissionPolicy 'P' with binding 'B' denied request: MSG`. */
  message: string;
  /** The validation's own message (after messageExpression / fallbacks), without the prefix. */
  validationMessage: string;
  /** Kubernetes StatusReason: Invalid, Forbidden, Unauthorized, RequestEntityTooLarge (default Invalid). */
  reason: string;
  /** Index into spec.validations; -1 when the denial comes from an error under failurePolicy Fail. */
  validationIndex: number;
  /** The binding's actions this result was subject to (Deny, Warn, Audit). */
  actions: ValidationAction[];
}

export interface PolicyError {
  policy: string;
  binding: string;
  /** Where: "matchConditions[0]", "validations[2].expression", "paramRef", … */
  where: string;
  message: string;
}

export interface AuditAnnotationValue {
  /** `<policy name>/<key>` as the apiserver records it. */
  key: string;
  value: string;
}

export interface AdmissionVerdict {
  allowed: boolean;
  /** What the apiserver answers when denying: the first denial's message (it reports only one). */
  message?: string;
  /** Every failed validation whose binding has a Deny action (those make `allowed` false). */
  denials: Denial[];
  /** Warning texts, for bindings with the Warn action, as the apiserver returns them. */
  warnings: string[];
  /** Failures for bindings with the Audit action, plus auditAnnotations values. */
  audit: Denial[];
  auditAnnotations: AuditAnnotationValue[];
  /** Evaluation/compile errors met (they turn into denials under failurePolicy Fail). */
  errors: PolicyError[];
  /** The policy/binding pairs whose match criteria selected this request, in evaluation order. */
  evaluated: { policy: string; binding: string }[];
}
