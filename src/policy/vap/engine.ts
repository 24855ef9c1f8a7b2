import { compileCel, type CelResult, type CompiledExpression } from "../cel/compile.js";
import { CostMeter, PER_CALL_LIMIT, RUNTIME_BUDGET } from "../cel/cost.js";
import { toCel } from "../cel/values.js";
import { compileMatch, matchCompiled, ruleKeyOf, type CompiledMatch, type MatchTarget } from "./match.js";
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
    /** Neither it nor what it reads mentions `params`: one value serves every param. */
    paramFree: boolean;
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
  match: CompiledMatch;
  /** The `variables` value of every activation of this policy (see lazyVariables). */
  variablesMap: Map<string, unknown>;
  /** The evaluation under way (evaluation is synchronous and never reentrant). */
  current: ParamRun | undefined;
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
  match: CompiledMatch;
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
    match: compileMatch(binding.spec.matchResources),
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
    const compiled: CompiledPolicy = {
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
      match: compileMatch(spec.matchConstraints),
      variablesMap: new Map(),
      current: undefined,
    };
    compiled.variablesMap = lazyVariables(compiled);
    return compiled;
  });
  const params = input.params ?? [];
  const auditWhenFailed = input.auditAnnotations === "whenFailed";
  return { compileErrors, admit: (request) => admit(policies, params, auditWhenFailed, request) };
}

/**
 * Variables compile once; each also gets a cache key naming everything its value depends on (its
 * text and, recursively, the variables it reads), so policies that share a variable definition
 * (the library's `podSpec`, `containers`, …) compute it once per request and param, or once per
 * request when no part of it reads `params`.
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
    const paramFree =
      cacheKey !== undefined &&
      !/\bparams\b/.test(v.expression) &&
      deps.every((d) => variables[d.index]?.paramFree === true);
    variables.push({
      name: v.name,
      expr: note(i, compile(v.expression)),
      cacheKey,
      defId: cacheKey === undefined ? undefined : intern(cacheKey),
      paramFree,
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
/** The SharedVariables key of param-free variables (no real param is this object). */
const anyParam: KubeObject = {};

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
  const ruleKey = ruleKeyOf(target);
  const selectors = new Map<string, boolean>();
  for (const p of policies) {
    if (!matchCompiled(p.match, target, ruleKey, selectors)) continue;
    for (const binding of p.bindings) {
      if (!matchCompiled(binding.match, target, ruleKey, selectors)) continue;
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

/** One binding's evaluation of one request: what its failures and errors go into. */
interface BindingRun {
  readonly p: CompiledPolicy;
  readonly binding: CompiledBinding;
  readonly verdict: AdmissionVerdict;
  failures: number;
}

/** One param's evaluation within a binding: its runtime budget, meter and variable values. */
interface ParamRun {
  budget: number;
  readonly cache: Map<string, { result: CelResult; spent: number }>;
  /** For param-free variables: shared by every param of the request. */
  readonly anyParamCache: Map<string, { result: CelResult; spent: number }>;
  readonly results: (CelResult | undefined)[];
  readonly activation: Record<string, unknown>;
}

function record(b: BindingRun, validationMessage: string, reason: string, validationIndex: number): void {
  b.failures++;
  const { p, binding, verdict } = b;
  const denial: Denial = {
    policy: p.name,
    binding: binding.name,
    message: binding.prefix + validationMessage,
    validationMessage,
    reason,
    validationIndex,
    actions: binding.actions,
  };
  if (binding.deny) verdict.denials.push(denial);
  if (binding.warn) {
    verdict.warnings.push(
      `Validation failed for ValidatingAdmissionPolicy '${p.name}' with binding '${binding.name}': ${validationMessage}`,
    );
  }
  if (binding.audit) verdict.audit.push(denial);
}

// Evaluation errors under failurePolicy Fail become failures subject to the binding's actions
// (a Warn-only binding warns); under Ignore they are only reported.
function error(b: BindingRun, where: string, message: string): void {
  b.failures++;
  b.verdict.errors.push({ policy: b.p.name, binding: b.binding.name, where, message });
  if (b.p.failurePolicy === "Fail") record(b, message, "Invalid", -1);
}

// Configuration errors (params) deny under Fail whatever the actions, as the apiserver's
// dispatcher does.
function configError(b: BindingRun, where: string, message: string): void {
  const { p, binding, verdict } = b;
  verdict.errors.push({ policy: p.name, binding: binding.name, where, message });
  if (p.failurePolicy === "Fail") {
    verdict.denials.push({
      policy: p.name,
      binding: binding.name,
      message: binding.prefix + message,
      validationMessage: message,
      reason: "Invalid",
      validationIndex: -1,
      actions: binding.actions,
    });
  }
}

// Meters by nesting depth (a variable is evaluated inside the expression that reads it, with a
// meter of its own), reused: evaluation is synchronous.
const meters: CostMeter[] = [];
let depth = 0;

/** One expression against the param's activation, within what is left of its budget. */
function run(r: ParamRun, expr: CompiledExpression): CelResult {
  const meter = (meters[depth] ??= new CostMeter(PER_CALL_LIMIT));
  meter.reset(Math.min(PER_CALL_LIMIT, Math.max(r.budget, 0)));
  depth++;
  try {
    const result = expr.evaluate(r.activation, meter);
    r.budget -= meter.spent;
    return result;
  } finally {
    depth--;
  }
}

const costExceeded: CelResult = {
  ok: false,
  error: "operation cancelled: actual cost limit exceeded",
  costExceeded: true,
};

// A shared variable value is charged to this policy's budget as if computed here.
function variableResult(p: CompiledPolicy, r: ParamRun, i: number): CelResult {
  const known = r.results[i];
  if (known !== undefined) return known;
  const v = p.variables[i];
  if (v === undefined || !v.expr.ok) {
    return (r.results[i] = {
      ok: false,
      error: `variable '${v?.name ?? i}' failed to compile: ${v?.expr.ok === false ? v.expr.error : ""}`,
    });
  }
  const key = v.defId;
  const cache = v.paramFree ? r.anyParamCache : r.cache;
  const hit = key === undefined ? undefined : cache.get(key);
  if (hit !== undefined) {
    r.budget -= hit.spent;
    return (r.results[i] = r.budget < 0 ? { ...costExceeded } : hit.result);
  }
  const before = r.budget;
  const result = run(r, v.expr.expr);
  if (key !== undefined) cache.set(key, { result, spent: before - r.budget });
  return (r.results[i] = result);
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
  const b: BindingRun = { p, binding, verdict, failures: 0 };
  const resolved = paramsFor(p, binding, params, target);
  if ("error" in resolved) {
    configError(b, "paramRef", `failed to configure binding: ${resolved.error}`);
    return;
  }
  for (const param of resolved.params) {
    let cache = shared.get(param);
    if (cache === undefined) shared.set(param, (cache = new Map()));
    let anyParamCache = shared.get(anyParam);
    if (anyParamCache === undefined) shared.set(anyParam, (anyParamCache = new Map()));
    const base = activationBase();
    const r: ParamRun = {
      budget: RUNTIME_BUDGET,
      cache,
      anyParamCache,
      results: [],
      activation: {
        object: base.object,
        oldObject: base.oldObject,
        namespaceObject: base.namespaceObject,
        request: base.request,
        authorizer: base.authorizer,
        params: celParams(param),
        variables: p.variablesMap,
      },
    };
    p.current = r;
    try {
      evaluateParam(b, r, auditWhenFailed);
    } finally {
      p.current = undefined;
    }
  }
}

function evaluateParam(b: BindingRun, r: ParamRun, auditWhenFailed: boolean): void {
  const { p, verdict } = b;
  const failuresBefore = b.failures;

  // matchConditions: any false skips the policy; errors count only if none is false.
  let conditionError: string | undefined;
  const conditions = p.matchConditions;
  for (let i = 0; i < conditions.length; i++) {
    const m = conditions[i] as (typeof conditions)[number];
    if (!m.expr.ok) {
      conditionError ??= `matchConditions[${i}] '${m.name}': compilation failed: ${m.expr.error}`;
      continue;
    }
    const c = run(r, m.expr.expr);
    if (!c.ok) conditionError ??= `failed to evaluate matchCondition '${m.name}': ${c.error}`;
    else if (c.value !== true) {
      if (c.value !== false) conditionError ??= `matchCondition '${m.name}' did not return a bool`;
      else return;
    }
  }
  if (conditionError !== undefined) {
    error(b, "matchConditions", conditionError);
    return;
  }

  const validations = p.validations;
  for (let i = 0; i < validations.length; i++) {
    const v = validations[i] as (typeof validations)[number];
    if (!v.expr.ok) {
      error(b, `validations[${i}].expression`, `compilation error: ${v.expr.error}`);
      continue;
    }
    const res = run(r, v.expr.expr);
    if (!res.ok) {
      if (res.costExceeded === true || r.budget <= 0) {
        error(
          b,
          `validations[${i}].expression`,
          "validation failed due to running out of cost budget, no further validation rules will be run",
        );
        break;
      }
      error(
        b,
        `validations[${i}].expression`,
        `expression '${v.expression}' resulted in error: ${res.error}`,
      );
      continue;
    }
    if (res.value === true) continue;
    if (res.value !== false) {
      error(b, `validations[${i}].expression`, `expression '${v.expression}' resulted in a non-bool value`);
      continue;
    }
    record(b, failureMessage(v, r), v.reason, i);
  }
  if (auditWhenFailed && b.failures === failuresBefore) return;

  for (const a of p.auditAnnotations) {
    if (!a.expr.ok) continue;
    const res = run(r, a.expr.expr);
    if (res.ok && typeof res.value === "string" && res.value !== "") {
      verdict.auditAnnotations.push({
        key: `${p.name}/${a.key}`,
        value: res.value,
      } satisfies AuditAnnotationValue);
    } else if (!res.ok) error(b, `auditAnnotations '${a.key}'`, res.error);
  }
}

/** messageExpression if it yields a usable string, else message, else `failed expression: …`. */
function failureMessage(v: CompiledPolicy["validations"][number], r: ParamRun): string {
  if (v.message?.ok === true) {
    const m = run(r, v.message.expr);
    if (m.ok && typeof m.value === "string") {
      const text = m.value.trim();
      if (text !== "" && !text.includes("\n") && text.length <= 5120) return text;
    }
  }
  if (v.staticMessage !== "") return v.staticMessage;
  return `failed expression: ${v.expression.trim()}`;
}

/**
 * `variables` evaluate on first access and are then kept, like the apiserver's lazy variable
 * activation; an erroring variable errors the expression that reads it. It is a Map whose `get`
 * does the work (the library reads Map fields through `get`), made once per policy: it reads the
 * policy's evaluation under way, so a request allocates no accessor per policy.
 */
function lazyVariables(p: CompiledPolicy): Map<string, unknown> {
  const vars = new Map<string, unknown>();
  const get = (name: string): unknown => {
    const i = p.variableIndex.get(name);
    const r = p.current;
    if (i === undefined || r === undefined) return undefined;
    const result = variableResult(p, r, i);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };
  const has = (name: string): boolean => p.variableIndex.has(name);
  return Object.assign(vars, { get, has });
}
