import { compileCel, type CelResult, type CompiledExpression } from "../cel/compile.js";
import { CostMeter, PER_CALL_LIMIT, RUNTIME_BUDGET } from "../cel/cost.js";
import { toCel } from "../cel/values.js";
import { matchResources, type MatchTarget } from "./match.js";
import { gvkOf, isClusterScoped, resourceOf } from "./resources.js";
import { selectorMatches } from "./selectors.js";
import type {
  AdmissionRequest,
  AdmissionVerdict,
  AuditAnnotationValue,
  Denial,
  KubeObject,
  ParamKind,
  ParamRef,
  PolicyError,
  ValidatingAdmissionPolicy,
  ValidatingAdmissionPolicyBinding,
  ValidationAction,
} from "./types.js";

type Compiled = { ok: true; expr: CompiledExpression } | { ok: false; error: string };

function compile(source: string): Compiled {
  const r = compileCel(source);
  return r.ok ? { ok: true, expr: r.expression } : { ok: false, error: r.error };
}

interface CompiledPolicy {
  policy: ValidatingAdmissionPolicy;
  name: string;
  failurePolicy: "Fail" | "Ignore";
  matchConditions: { name: string; expr: Compiled }[];
  variables: {
    name: string;
    expr: Compiled;
    /** Key by definition (text + the definitions it reads); undefined: never shared. */
    cacheKey: string | undefined;
    /** Short interned id of cacheKey: cache lookups hash a few characters, not the texts. */
    defId: string | undefined;
  }[];
  variableIndex: Map<string, number>;
  validations: {
    expression: string;
    expr: Compiled;
    message?: Compiled;
    staticMessage: string;
    reason: string;
  }[];
  auditAnnotations: { key: string; expr: Compiled }[];
  bindings: CompiledBinding[];
}

/** A binding with what its denials need precomputed (the same for every request). */
interface CompiledBinding {
  binding: ValidatingAdmissionPolicyBinding;
  name: string;
  actions: ValidationAction[];
  deny: boolean;
  warn: boolean;
  audit: boolean;
  /** "ValidatingAdmissionPolicy 'P' with binding 'B' denied request: " */
  prefix: string;
  /** paramsFor results by the namespace that selects them (params are static per policy set). */
  params: Map<string, { params: (KubeObject | null)[] } | { error: string }>;
}

function compileBinding(policyName: string, binding: ValidatingAdmissionPolicyBinding): CompiledBinding {
  const name = binding.metadata.name;
  const actions: ValidationAction[] = [...new Set(binding.spec.validationActions)].sort();
  return {
    binding,
    name,
    actions,
    deny: actions.includes("Deny"),
    warn: actions.includes("Warn"),
    audit: actions.includes("Audit"),
    prefix: `ValidatingAdmissionPolicy '${policyName}' with binding '${name}' denied request: `,
    params: new Map(),
  };
}

export interface PolicySetInput {
  policies: readonly ValidatingAdmissionPolicy[];
  bindings: readonly ValidatingAdmissionPolicyBinding[];
  /** Param objects (ConfigMaps, CRs, …) that bindings' paramRef may select. */
  params?: readonly KubeObject[];
  /**
   * "whenFailed": evaluate a binding's auditAnnotations only when one of its validations failed or
   * errored. For callers that read annotations of failing policies only, and whose annotations
   * cannot fail or be non-empty when every validation passed (the library's: the same disjuncts as
   * the validation); otherwise an annotation's error or value on a passing policy goes unreported.
   * Default "always", as the apiserver does.
   */
  auditAnnotations?: "always" | "whenFailed";
}

export interface CompiledPolicySet {
  /** Expressions that failed to compile (the apiserver reports these as errors when evaluating). */
  readonly compileErrors: PolicyError[];
  admit(request: AdmissionRequest): AdmissionVerdict;
}

const byName = <T extends { metadata: { name: string } }>(a: T, b: T): number =>
  a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;

export function compilePolicySet(input: PolicySetInput): CompiledPolicySet {
  const compileErrors: PolicyError[] = [];
  const policies: CompiledPolicy[] = [...input.policies].sort(byName).map((policy) => {
    const spec = policy.spec;
    const name = policy.metadata.name;
    const note = (where: string, c: Compiled): Compiled => {
      if (!c.ok) compileErrors.push({ policy: name, binding: "", where, message: c.error });
      return c;
    };
    return {
      policy,
      name,
      failurePolicy: spec.failurePolicy ?? "Fail",
      matchConditions: (spec.matchConditions ?? []).map((m, i) => ({
        name: m.name,
        expr: note(`matchConditions[${i}]`, compile(m.expression)),
      })),
      ...compileVariables(spec.variables ?? [], (i, c) => note(`variables[${i}]`, c)),
      validations: (spec.validations ?? []).map((v, i) => ({
        expression: v.expression,
        expr: note(`validations[${i}].expression`, compile(v.expression)),
        ...(v.messageExpression !== undefined
          ? { message: note(`validations[${i}].messageExpression`, compile(v.messageExpression)) }
          : {}),
        staticMessage: v.message ?? "",
        reason: v.reason ?? "Invalid",
      })),
      auditAnnotations: (spec.auditAnnotations ?? []).map((a, i) => ({
        key: a.key,
        expr: note(`auditAnnotations[${i}]`, compile(a.valueExpression)),
      })),
      bindings: input.bindings
        .filter((b) => b.spec.policyName === name)
        .sort(byName)
        .map((b) => compileBinding(name, b)),
    };
  });
  const params = input.params ?? [];
  const auditWhenFailed = input.auditAnnotations === "whenFailed";
  return { compileErrors, admit: (request) => admit(policies, params, auditWhenFailed, request) };
}

/**
 * Variables compile once; each also gets a cache key naming everything its value depends on (its
 * text and, recursively, the variables it reads), so policies that share a variable definition
 * (the library's `podSpec`, `containers`, …) compute it once per request and param.
 */
function compileVariables(
  defs: readonly { name: string; expression: string }[],
  note: (i: number, c: Compiled) => Compiled,
): Pick<CompiledPolicy, "variables" | "variableIndex"> {
  const variableIndex = new Map<string, number>();
  const variables: CompiledPolicy["variables"] = [];
  defs.forEach((v, i) => {
    const reads = [...v.expression.matchAll(/\bvariables\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g)].map(
      (m) => m[1] ?? "",
    );
    const mentions = v.expression.match(/\bvariables\b/g)?.length ?? 0;
    const shareable = reads.length === mentions && reads.every((d) => variableIndex.has(d));
    const deps = [...new Set(reads)].sort().map((name) => ({ name, index: variableIndex.get(name) ?? -1 }));
    let cacheKey: string | undefined = shareable ? v.expression : undefined;
    for (const dep of deps) {
      const depKey = variables[dep.index]?.cacheKey;
      cacheKey =
        cacheKey === undefined || depKey === undefined ? undefined : `${cacheKey}\u0000${dep.name}=${depKey}`;
    }
    variableIndex.set(v.name, i);
    variables.push({
      name: v.name,
      expr: note(i, compile(v.expression)),
      cacheKey,
      defId: cacheKey === undefined ? undefined : intern(cacheKey),
    });
  });
  return { variables, variableIndex };
}

// Params are static per policy set: convert each once, not per request and policy.
const convertedParams = new WeakMap<KubeObject, unknown>();
function celParams(param: KubeObject | null): unknown {
  if (param === null) return null;
  let c = convertedParams.get(param);
  if (c === undefined) convertedParams.set(param, (c = toCel(param)));
  return c;
}

const interned = new Map<string, string>();
function intern(text: string): string {
  let id = interned.get(text);
  if (id === undefined) interned.set(text, (id = `#${interned.size}`));
  return id;
}

interface ActivationBase {
  object: unknown;
  oldObject: unknown;
  namespaceObject: unknown;
  request: unknown;
  authorizer: null;
}

type SharedVariables = Map<KubeObject | null, Map<string, { result: CelResult; spent: number }>>;

function labelsOf(o: KubeObject | null | undefined): Record<string, string> | undefined {
  return o?.metadata?.labels;
}

function admit(
  policies: CompiledPolicy[],
  params: readonly KubeObject[],
  auditWhenFailed: boolean,
  req: AdmissionRequest,
): AdmissionVerdict {
  const verdict: AdmissionVerdict = {
    allowed: true,
    denials: [],
    warnings: [],
    audit: [],
    auditAnnotations: [],
    errors: [],
    evaluated: [],
  };
  const subject = req.object ?? req.oldObject ?? {};
  const operation = req.operation ?? (req.object == null && req.oldObject != null ? "DELETE" : "CREATE");
  const kind = req.kind ?? gvkOf(subject);
  const resource = req.resource ?? resourceOf(kind);
  const clusterScoped = isClusterScoped(kind);
  const namespace = req.namespace ?? (clusterScoped ? "" : (subject.metadata?.namespace ?? "default"));
  const name = req.name ?? subject.metadata?.name ?? "";
  const target: MatchTarget = {
    operation,
    group: resource.group,
    version: resource.version,
    resource: resource.resource,
    subResource: req.subResource ?? "",
    name,
    namespace,
    clusterScoped,
    isNamespace: kind.group === "" && kind.kind === "Namespace",
    objectLabels: labelsOf(req.object),
    oldObjectLabels: labelsOf(req.oldObject),
    namespaceLabels: labelsOf(req.namespaceObject),
  };

  // Converted lazily and once per request: most requests match few policies.
  let base: ActivationBase | undefined;
  const activationBase = (): ActivationBase => {
    base ??= {
      object: toCel(req.object ?? null),
      oldObject: toCel(req.oldObject ?? null),
      namespaceObject: clusterScoped ? null : toCel(req.namespaceObject ?? null),
      request: toCel({
        uid: req.uid ?? "",
        kind,
        resource,
        subResource: req.subResource ?? "",
        requestKind: kind,
        requestResource: resource,
        requestSubResource: req.subResource ?? "",
        name,
        namespace,
        operation,
        userInfo: req.userInfo ?? {},
        dryRun: req.dryRun ?? false,
        options: req.options ?? null,
      }),
      authorizer: null,
    };
    return base;
  };

  const shared: SharedVariables = new Map();
  for (const p of policies) {
    if (!matchResources(p.policy.spec.matchConstraints, target)) continue;
    for (const binding of p.bindings) {
      if (!matchResources(binding.binding.spec.matchResources, target)) continue;
      verdict.evaluated.push({ policy: p.name, binding: binding.name });
      evaluateBinding(p, binding, params, target, activationBase, shared, auditWhenFailed, verdict);
    }
  }
  verdict.allowed = verdict.denials.length === 0;
  const first = verdict.denials[0];
  if (first !== undefined) verdict.message = first.message;
  return verdict;
}

const noParams: { params: (KubeObject | null)[] } = { params: [null] };

function paramsFor(
  p: CompiledPolicy,
  compiled: CompiledBinding,
  params: readonly KubeObject[],
  target: MatchTarget,
): { params: (KubeObject | null)[] } | { error: string } {
  const kind = p.policy.spec.paramKind;
  if (kind === undefined) return noParams;
  const ref = compiled.binding.spec.paramRef;
  if (ref === undefined) return { error: "no paramRef in binding, but policy has a paramKind" };
  const ns = ref.namespace ?? target.namespace;
  let known = compiled.params.get(ns);
  if (known === undefined) compiled.params.set(ns, (known = selectParams(kind, ref, ns, params)));
  return known;
}

function selectParams(
  kind: ParamKind,
  ref: ParamRef,
  ns: string,
  params: readonly KubeObject[],
): { params: (KubeObject | null)[] } | { error: string } {
  const candidates = params.filter(
    (o) =>
      o.apiVersion === kind.apiVersion &&
      o.kind === kind.kind &&
      (o.metadata?.namespace === undefined || o.metadata.namespace === "" || o.metadata.namespace === ns),
  );
  const found =
    ref.name !== undefined
      ? candidates.filter((o) => o.metadata?.name === ref.name)
      : candidates.filter((o) => selectorMatches(ref.selector ?? {}, o.metadata?.labels));
  if (found.length > 0) return { params: found };
  if ((ref.parameterNotFoundAction ?? "Deny") === "Deny") {
    return { error: "no params found for policy binding with `Deny` parameterNotFoundAction" };
  }
  return { params: [] };
}

function evaluateBinding(
  p: CompiledPolicy,
  binding: CompiledBinding,
  params: readonly KubeObject[],
  target: MatchTarget,
  activationBase: () => ActivationBase,
  shared: SharedVariables,
  auditWhenFailed: boolean,
  verdict: AdmissionVerdict,
): void {
  const bindingName = binding.name;
  const { actions, prefix } = binding;
  let failures = 0;

  const record = (validationMessage: string, reason: string, validationIndex: number): void => {
    failures++;
    const denial: Denial = {
      policy: p.name,
      binding: bindingName,
      message: prefix + validationMessage,
      validationMessage,
      reason,
      validationIndex,
      actions,
    };
    if (binding.deny) verdict.denials.push(denial);
    if (binding.warn) {
      verdict.warnings.push(
        `Validation failed for ValidatingAdmissionPolicy '${p.name}' with binding '${bindingName}': ${validationMessage}`,
      );
    }
    if (binding.audit) verdict.audit.push(denial);
  };
  // Evaluation errors under failurePolicy Fail become failures subject to the binding's actions
  // (a Warn-only binding warns); under Ignore they are only reported.
  const error = (where: string, message: string): void => {
    failures++;
    verdict.errors.push({ policy: p.name, binding: bindingName, where, message });
    if (p.failurePolicy === "Fail") record(message, "Invalid", -1);
  };
  // Configuration errors (params) deny under Fail whatever the actions, as the apiserver's
  // dispatcher does.
  const configError = (where: string, message: string): void => {
    verdict.errors.push({ policy: p.name, binding: bindingName, where, message });
    if (p.failurePolicy === "Fail") {
      verdict.denials.push({
        policy: p.name,
        binding: bindingName,
        message: prefix + message,
        validationMessage: message,
        reason: "Invalid",
        validationIndex: -1,
        actions,
      });
    }
  };

  const resolved = paramsFor(p, binding, params, target);
  if ("error" in resolved) {
    configError("paramRef", `failed to configure binding: ${resolved.error}`);
    return;
  }
  for (const param of resolved.params) {
    let budget = RUNTIME_BUDGET;
    const run = (expr: CompiledExpression, activation: Record<string, unknown>): CelResult => {
      const meter = new CostMeter(Math.min(PER_CALL_LIMIT, Math.max(budget, 0)));
      const r = expr.evaluate(activation, meter);
      budget -= meter.spent;
      return r;
    };
    let sharedForParam = shared.get(param);
    if (sharedForParam === undefined) shared.set(param, (sharedForParam = new Map()));
    const cache = sharedForParam;
    const results: (CelResult | undefined)[] = [];
    // A shared variable value is charged to this policy's budget as if computed here.
    const variableResult = (i: number): CelResult => {
      const known = results[i];
      if (known !== undefined) return known;
      const v = p.variables[i];
      if (v === undefined || !v.expr.ok) {
        return (results[i] = {
          ok: false,
          error: `variable '${v?.name ?? i}' failed to compile: ${v?.expr.ok === false ? v.expr.error : ""}`,
        });
      }
      const key = v.defId;
      const hit = key === undefined ? undefined : cache.get(key);
      if (hit !== undefined) {
        budget -= hit.spent;
        return (results[i] =
          budget < 0
            ? { ok: false, error: "operation cancelled: actual cost limit exceeded", costExceeded: true }
            : hit.result);
      }
      const before = budget;
      const result = run(v.expr.expr, activation);
      if (key !== undefined) cache.set(key, { result, spent: before - budget });
      return (results[i] = result);
    };
    const failuresBefore = failures;
    const b = activationBase();
    const activation: Record<string, unknown> = {
      object: b.object,
      oldObject: b.oldObject,
      namespaceObject: b.namespaceObject,
      request: b.request,
      authorizer: b.authorizer,
      params: celParams(param),
      variables: undefined,
    };
    activation.variables = lazyVariables(p, variableResult);

    // matchConditions: any false skips the policy; errors count only if none is false.
    let conditionError: string | undefined;
    let skip = false;
    for (const [i, m] of p.matchConditions.entries()) {
      if (!m.expr.ok) {
        conditionError ??= `matchConditions[${i}] '${m.name}': compilation failed: ${m.expr.error}`;
        continue;
      }
      const r = run(m.expr.expr, activation);
      if (!r.ok) conditionError ??= `failed to evaluate matchCondition '${m.name}': ${r.error}`;
      else if (r.value !== true) {
        if (r.value !== false) conditionError ??= `matchCondition '${m.name}' did not return a bool`;
        else {
          skip = true;
          break;
        }
      }
    }
    if (skip) continue;
    if (conditionError !== undefined) {
      error("matchConditions", conditionError);
      continue;
    }

    for (const [i, v] of p.validations.entries()) {
      if (!v.expr.ok) {
        error(`validations[${i}].expression`, `compilation error: ${v.expr.error}`);
        continue;
      }
      const r = run(v.expr.expr, activation);
      if (!r.ok) {
        if (r.costExceeded === true || budget <= 0) {
          error(
            `validations[${i}].expression`,
            "validation failed due to running out of cost budget, no further validation rules will be run",
          );
          break;
        }
        error(`validations[${i}].expression`, `expression '${v.expression}' resulted in error: ${r.error}`);
        continue;
      }
      if (r.value === true) continue;
      if (r.value !== false) {
        error(`validations[${i}].expression`, `expression '${v.expression}' resulted in a non-bool value`);
        continue;
      }
      record(failureMessage(v, run, activation), v.reason, i);
    }
    if (auditWhenFailed && failures === failuresBefore) continue;

    for (const a of p.auditAnnotations) {
      if (!a.expr.ok) continue;
      const r = run(a.expr.expr, activation);
      if (r.ok && typeof r.value === "string" && r.value !== "") {
        verdict.auditAnnotations.push({
          key: `${p.name}/${a.key}`,
          value: r.value,
        } satisfies AuditAnnotationValue);
      } else if (!r.ok) error(`auditAnnotations '${a.key}'`, r.error);
    }
  }
}

/** messageExpression if it yields a usable string, else message, else `failed expression: …`. */
function failureMessage(
  v: CompiledPolicy["validations"][number],
  run: (e: CompiledExpression, a: Record<string, unknown>) => CelResult,
  activation: Record<string, unknown>,
): string {
  if (v.message?.ok === true) {
    const r = run(v.message.expr, activation);
    if (r.ok && typeof r.value === "string") {
      const m = r.value.trim();
      if (m !== "" && !m.includes("\n") && m.length <= 5120) return m;
    }
  }
  if (v.staticMessage !== "") return v.staticMessage;
  return `failed expression: ${v.expression.trim()}`;
}

/**
 * `variables` evaluate on first access and are then kept, like the apiserver's lazy variable
 * activation; an erroring variable errors the expression that reads it. It is a Map whose `get`
 * does the work: the library reads Map fields through `get`, and one Map with two closures costs
 * far less per evaluation than an object with a getter per variable.
 */
function lazyVariables(p: CompiledPolicy, variableResult: (i: number) => CelResult): Map<string, unknown> {
  const vars = new Map<string, unknown>();
  const get = (name: string): unknown => {
    const i = p.variableIndex.get(name);
    if (i === undefined) return undefined;
    const r = variableResult(i);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  const has = (name: string): boolean => p.variableIndex.has(name);
  return Object.assign(vars, { get, has });
}
