/**
 * `bespoke check` without IO: loaded objects in, findings out. VAP rules run through the offline
 * VAP engine as a CREATE at `now` (the apiserver stamps creationTimestamp before validating, and the
 * exception expiry reads it), Pod Security runs upstream's checks, offline-only rules see all objects.
 */
import type { Finding, RuleMeta, Severity } from "../../report/finding.js";
import { compareFindings } from "../../report/finding.js";
import { diagnostic, type Diagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";
import { compilePolicySet, gvkOf, isClusterScoped, type CompiledPolicySet } from "../vap/index.js";
import type { KubeObject, ValidatingAdmissionPolicyBinding } from "../vap/types.js";
import { evaluateWorkload, pssRules, type PssVersion } from "../pss/index.js";
import { podSpecsOf } from "../workloads/index.js";
import { libraryRules } from "../library/index.js";
import { policyName, policyNamePrefix, toVap } from "../library/to-vap.js";
import { offlineRules } from "../offline/index.js";
import {
  paramsConfigMap,
  paramsConfigMapName,
  paramsNamespace,
  type PolicyParams,
} from "../params/params.js";
import type { LoadedObject } from "../load/parse.js";
import { selectRules } from "./rule-select.js";
import { exemptionFor } from "./exceptions.js";
import { exceptionPrefix } from "../exceptions/annotation.js";
import { arraySink, type FindingSink } from "./finding-table.js";

export interface CheckOptions {
  /** `--rules` value: comma-separated globs, `!glob` excludes. */
  readonly rules?: string;
  readonly pssVersion: PssVersion;
  readonly params: PolicyParams;
  /** RFC 3339 time the exceptions' expiry is compared with. */
  readonly now: string;
}

export interface CheckResult {
  readonly rules: readonly RuleMeta[];
  readonly findings: readonly Finding[];
  /** Problems with the options (unknown rule globs) or with evaluation. */
  readonly errors: readonly Diagnostic[];
}

export const allRuleMeta: readonly RuleMeta[] = [
  ...libraryRules.map((r) => r.meta),
  ...pssRules,
  ...offlineRules.map((r) => r.meta),
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** What a check needs from the rules, built once per run (compiling the CEL is the expensive part). */
export interface CheckPlan {
  readonly rules: readonly RuleMeta[];
  readonly errors: readonly Diagnostic[];
  /** The policies that do not compile (also in errors). */
  readonly compileErrors: readonly Diagnostic[];
  readonly engine: CompiledPolicySet;
  readonly pss: ReadonlySet<string>;
  readonly offline: typeof offlineRules;
  readonly severity: ReadonlyMap<string, Severity>;
  readonly pssVersion: PssVersion;
  /** Rule id → where its findings point (see ObjectRule.field). */
  readonly fields: ReadonlyMap<
    string,
    { readonly scope: "pod" | "object"; readonly path: readonly (string | number)[] }
  >;
}

/**
 * With `compile: false` the plan has no engine (using it throws) and no compile errors: for the main
 * thread of a parallel check, whose workers compile and evaluate the CEL.
 */
export function planCheck(options: CheckOptions, compile = true): CheckPlan {
  const { selected, errors } = selectRules(
    allRuleMeta.map((r) => r.id),
    options.rules,
  );
  const vapRules = libraryRules.filter((r) => selected.has(r.meta.id));
  const policies = vapRules.map(toVap);
  const bindings: ValidatingAdmissionPolicyBinding[] = policies.map((p) => ({
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: { name: p.metadata.name },
    spec: {
      policyName: p.metadata.name,
      ...(p.spec.paramKind
        ? {
            paramRef: {
              name: paramsConfigMapName,
              namespace: paramsNamespace,
              parameterNotFoundAction: "Deny",
            },
          }
        : {}),
      validationActions: ["Deny"],
    },
  }));
  const engine = compile
    ? compilePolicySet({
        policies,
        bindings,
        params: [paramsConfigMap(options.params)],
        // Only failing policies' container annotations are read, and the library's annotation is
        // empty whenever its validation passes (same disjuncts), so passing policies skip it.
        auditAnnotations: "whenFailed",
      })
    : uncompiled;
  const compileErrors: Diagnostic[] = [];
  for (const e of engine.compileErrors) {
    compileErrors.push(
      diagnostic(
        Codes.checkEvaluation,
        `policy ${e.policy} ${e.where} does not compile: ${e.message}`,
        undefined,
        "this is a bug in bespoke; please report it",
      ),
    );
  }
  const rules = allRuleMeta.filter((r) => selected.has(r.id));
  return {
    rules,
    errors: [...errors, ...compileErrors],
    compileErrors,
    engine,
    pss: new Set(pssRules.map((r) => r.id).filter((id) => selected.has(id))),
    offline: offlineRules.filter((r) => selected.has(r.meta.id)),
    severity: new Map(rules.map((r) => [r.id, r.severity])),
    pssVersion: options.pssVersion,
    fields: new Map(
      vapRules.flatMap((r) =>
        r.scope !== "container" && r.field ? [[r.meta.id, { scope: r.scope, path: r.field }]] : [],
      ),
    ),
  };
}

const uncompiled: CompiledPolicySet = {
  compileErrors: [],
  admit: () => {
    throw new Error("this check plan was made without compiling its policies");
  },
};

function findingObject(o: KubeObject, container?: string): NonNullable<Finding["object"]> {
  const md = o.metadata ?? {};
  return {
    ...(o.apiVersion ? { apiVersion: o.apiVersion } : {}),
    ...(o.kind ? { kind: o.kind } : {}),
    ...(typeof md.namespace === "string" ? { namespace: md.namespace } : {}),
    ...(typeof md.name === "string" ? { name: md.name } : {}),
    ...(container !== undefined ? { container } : {}),
  };
}

/**
 * Where each container of the object is (the first of a name, init containers first), for the
 * line and column of container findings. Built once per object that has such findings.
 */
function containerPaths(o: KubeObject): Map<string, (string | number)[]> {
  const paths = new Map<string, (string | number)[]>();
  for (const p of podSpecsOf(o)) {
    for (const field of ["initContainers", "containers", "ephemeralContainers"]) {
      const list = p.podSpec[field];
      if (!Array.isArray(list)) continue;
      list.forEach((c: unknown, i) => {
        const name = (c as { name?: unknown } | null)?.name;
        if (typeof name === "string" && !paths.has(name)) paths.set(name, [...p.path, "spec", field, i]);
      });
    }
  }
  return paths;
}

function fieldPath(
  o: KubeObject,
  field: { readonly scope: "pod" | "object"; readonly path: readonly (string | number)[] } | undefined,
): readonly (string | number)[] | undefined {
  if (!field) return undefined;
  if (field.scope === "object") return field.path;
  const pod = podSpecsOf(o)[0];
  return pod ? [...pod.path, "spec", ...field.path] : undefined;
}

/** Whether any exception annotation sits on the object, its pod template or its namespace. */
function mayBeExcepted(o: KubeObject, namespace: KubeObject | undefined): boolean {
  const has = (meta: unknown): boolean => {
    const a = (meta as { annotations?: unknown } | undefined)?.annotations;
    if (typeof a !== "object" || a === null) return false;
    for (const k in a) if (k.startsWith(exceptionPrefix)) return true;
    return false;
  };
  return has(o.metadata) || has(namespace?.metadata) || podSpecsOf(o).some((p) => has(p.podMetadata));
}

function at(lo: LoadedObject, path: readonly (string | number)[] | undefined): { line: number; col: number } {
  // The field itself may be missing (e.g. "must set X"): point at its nearest present parent.
  for (let n = path?.length ?? 0; path && n > 0; n--) {
    const p = lo.locate(n === path.length ? path : path.slice(0, n));
    if (p) return p;
  }
  return { line: lo.line, col: lo.col };
}

/** A finding before it has a place: what the per-object rules say about one object. */
export interface RawFinding {
  readonly ruleId: string;
  readonly message: string;
  readonly path?: readonly (string | number)[] | undefined;
  readonly container?: string | undefined;
}

/** Namespace objects by name; the last one of a name wins, as the apiserver would have it. */
export function namespacesOf(objects: readonly KubeObject[]): Map<string, KubeObject> {
  const namespaces = new Map<string, KubeObject>();
  for (const o of objects) {
    const name = o.metadata?.name;
    if (o.kind === "Namespace" && typeof name === "string") namespaces.set(name, o);
  }
  return namespaces;
}

/** What the admission request sees as namespaceObject: null for cluster-scoped objects. */
export function namespaceObjectFor(
  obj: KubeObject,
  namespaces: ReadonlyMap<string, KubeObject>,
): KubeObject | null {
  const ns = typeof obj.metadata?.namespace === "string" ? obj.metadata.namespace : undefined;
  if (isClusterScoped(gvkOf(obj))) return null;
  return (
    namespaces.get(ns ?? "default") ?? {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: ns ?? "default" },
    }
  );
}

/** The per-object rules (VAP library and Pod Security) on one object; pure, so workers can run it. */
export function objectFindings(
  plan: CheckPlan,
  obj: KubeObject,
  namespaceObject: KubeObject | null,
  now: string,
): RawFinding[] {
  const out: RawFinding[] = [];
  // As the apiserver does on create: creationTimestamp is the request time.
  const object = { ...obj, metadata: { ...(obj.metadata ?? {}), creationTimestamp: now } };
  const verdict = plan.engine.admit({
    operation: "CREATE",
    object,
    namespaceObject,
    userInfo: { username: "bespoke-check", groups: ["system:authenticated"] },
  });
  let containers: Map<string, (string | number)[]> | undefined;
  for (const d of verdict.denials) {
    const ruleId = d.policy.startsWith(policyNamePrefix) ? d.policy.slice(policyNamePrefix.length) : d.policy;
    const key = `${policyName(ruleId)}/containers`;
    const names = verdict.auditAnnotations.find((a) => a.key === key)?.value;
    if (names && d.validationIndex >= 0) {
      containers ??= containerPaths(obj);
      for (const c of names.split(","))
        out.push({ ruleId, message: d.validationMessage, path: containers.get(c), container: c });
    } else {
      out.push({ ruleId, message: d.validationMessage, path: fieldPath(obj, plan.fields.get(ruleId)) });
    }
  }
  if (plan.pss.size > 0 && podSpecsOf(obj).length > 0) {
    const nsObj = namespaceObject ?? undefined;
    // Most objects carry no exception at all; only the others need each violation's exemption.
    const excepted = mayBeExcepted(obj, nsObj);
    for (const v of evaluateWorkload(obj, { level: "restricted", version: plan.pssVersion })) {
      if (!plan.pss.has(v.ruleId)) continue;
      if (excepted) {
        const ex = exemptionFor(v.ruleId, obj, nsObj, now);
        if (ex.all || (v.container !== undefined && ex.containers.has(v.container))) continue;
      }
      out.push({ ruleId: v.ruleId, message: v.message, path: v.path, container: v.container });
    }
  }
  return out;
}

/** A map key for a field path; `0` (an index) and `"0"` (a key) stay apart. */
function pathKey(path: readonly (string | number)[]): string {
  let key = "";
  for (const p of path)
    key += typeof p === "number" ? `[${p}]` : `.${/[\\.[]/.test(p) ? p.replace(/[\\.[]/g, "\\$&") : p}`;
  return key;
}

/**
 * Places raw findings at their object's (or field's) file, line and column. An object's findings
 * often share a field (several rules on one container) and always its identity, so both are
 * computed once per object and shared by its findings.
 */
export function placeFindings(
  plan: CheckPlan,
  lo: LoadedObject,
  raw: readonly RawFinding[],
  into: FindingSink,
): void {
  if (raw.length === 0) return;
  // Container findings reuse one path array per container, so most lookups hit by identity.
  const byArray = new Map<readonly (string | number)[] | undefined, { line: number; col: number }>();
  const positions = new Map<string, { line: number; col: number }>();
  const identities = new Map<string | undefined, NonNullable<Finding["object"]>>();
  for (const r of raw) {
    let position = byArray.get(r.path);
    if (position === undefined) {
      const key = r.path === undefined ? "" : pathKey(r.path);
      position = positions.get(key);
      if (position === undefined) positions.set(key, (position = at(lo, r.path)));
      byArray.set(r.path, position);
    }
    let identity = identities.get(r.container);
    if (identity === undefined)
      identities.set(r.container, (identity = findingObject(lo.object, r.container)));
    into.add(
      r.ruleId,
      plan.severity.get(r.ruleId) ?? "error",
      r.message,
      lo.file,
      position.line,
      position.col,
      identity,
    );
  }
}

/** The offline-only rules, which need every object at once. */
export function offlineFindings(
  objects: readonly LoadedObject[],
  plan: CheckPlan,
  namespaces: ReadonlyMap<string, KubeObject>,
  now: string,
  into: FindingSink,
): void {
  const indexed = objects.map((lo, index) => ({ index, object: lo.object }));
  for (const rule of plan.offline) {
    for (const f of rule.check(indexed)) {
      const lo = objects[f.index];
      if (!lo) continue;
      const ns = lo.object.metadata?.namespace;
      const ex = exemptionFor(
        rule.meta.id,
        lo.object,
        typeof ns === "string" ? namespaces.get(ns) : undefined,
        now,
      );
      if (ex.all) continue;
      placeFindings(plan, lo, [{ ruleId: rule.meta.id, message: f.message, path: f.path }], into);
    }
  }
}

export function runCheck(objects: readonly LoadedObject[], plan: CheckPlan, now: string): CheckResult {
  const findings: Finding[] = [];
  const sink = arraySink(findings);
  const namespaces = namespacesOf(objects.map((lo) => lo.object));
  for (const lo of objects) {
    const raw = objectFindings(plan, lo.object, namespaceObjectFor(lo.object, namespaces), now);
    placeFindings(plan, lo, raw, sink);
  }
  offlineFindings(objects, plan, namespaces, now, sink);
  return { rules: plan.rules, findings: findings.sort(compareFindings), errors: plan.errors };
}

export function checkObjects(objects: readonly LoadedObject[], options: CheckOptions): CheckResult {
  const plan = planCheck(options);
  return runCheck(objects, plan, options.now);
}
