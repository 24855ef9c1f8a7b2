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

export function planCheck(options: CheckOptions): CheckPlan {
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
  const engine = compilePolicySet({ policies, bindings, params: [paramsConfigMap(options.params)] });
  const allErrors = [...errors];
  for (const e of engine.compileErrors) {
    allErrors.push(
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
    errors: allErrors,
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

/** Path of the named container inside the object, for its line and column. */
function containerPath(o: KubeObject, name: string): (string | number)[] | undefined {
  for (const p of podSpecsOf(o)) {
    for (const field of ["initContainers", "containers", "ephemeralContainers"]) {
      const list = p.podSpec[field];
      if (!Array.isArray(list)) continue;
      const i = list.findIndex((c: unknown) => (c as { name?: unknown } | null)?.name === name);
      if (i >= 0) return [...p.path, "spec", field, i];
    }
  }
  return undefined;
}

function fieldPath(
  o: KubeObject,
  field: { readonly scope: "pod" | "object"; readonly path: readonly (string | number)[] } | undefined,
): (string | number)[] | undefined {
  if (!field) return undefined;
  if (field.scope === "object") return [...field.path];
  const pod = podSpecsOf(o)[0];
  return pod ? [...pod.path, "spec", ...field.path] : undefined;
}

function at(lo: LoadedObject, path: readonly (string | number)[] | undefined): { line: number; col: number } {
  // The field itself may be missing (e.g. "must set X"): point at its nearest present parent.
  for (let n = path?.length ?? 0; path && n > 0; n--) {
    const p = lo.locate(path.slice(0, n));
    if (p) return p;
  }
  return { line: lo.line, col: lo.col };
}

export function runCheck(objects: readonly LoadedObject[], plan: CheckPlan, now: string): CheckResult {
  const findings: Finding[] = [];
  const namespaces = new Map<string, KubeObject>();
  for (const lo of objects) {
    const name = lo.object.metadata?.name;
    if (lo.object.kind === "Namespace" && typeof name === "string") namespaces.set(name, lo.object);
  }
  const sev = (id: string): Severity => plan.severity.get(id) ?? "error";
  const push = (
    lo: LoadedObject,
    ruleId: string,
    message: string,
    path?: readonly (string | number)[],
    container?: string,
  ) =>
    findings.push({
      ruleId,
      severity: sev(ruleId),
      message,
      file: lo.file,
      ...at(lo, path),
      object: findingObject(lo.object, container),
    });

  for (const lo of objects) {
    const obj = lo.object;
    const ns = typeof obj.metadata?.namespace === "string" ? obj.metadata.namespace : undefined;
    const cluster = isClusterScoped(gvkOf(obj));
    const namespaceObject = cluster
      ? null
      : (namespaces.get(ns ?? "default") ?? {
          apiVersion: "v1",
          kind: "Namespace",
          metadata: { name: ns ?? "default" },
        });
    // As the apiserver does on create: creationTimestamp is the request time.
    const object = { ...obj, metadata: { ...(obj.metadata ?? {}), creationTimestamp: now } };
    const verdict = plan.engine.admit({
      operation: "CREATE",
      object,
      namespaceObject,
      userInfo: { username: "bespoke-check", groups: ["system:authenticated"] },
    });
    for (const d of verdict.denials) {
      const ruleId = d.policy.startsWith(policyNamePrefix)
        ? d.policy.slice(policyNamePrefix.length)
        : d.policy;
      const key = `${policyName(ruleId)}/containers`;
      const containers = verdict.auditAnnotations.find((a) => a.key === key)?.value;
      if (containers && d.validationIndex >= 0) {
        for (const c of containers.split(","))
          push(lo, ruleId, d.validationMessage, containerPath(obj, c), c);
      } else {
        push(lo, ruleId, d.validationMessage, fieldPath(obj, plan.fields.get(ruleId)));
      }
    }
    if (plan.pss.size > 0 && podSpecsOf(obj).length > 0) {
      const nsObj = namespaceObject ?? undefined;
      for (const v of evaluateWorkload(obj, { level: "restricted", version: plan.pssVersion })) {
        if (!plan.pss.has(v.ruleId)) continue;
        const ex = exemptionFor(v.ruleId, obj, nsObj, now);
        if (ex.all || (v.container !== undefined && ex.containers.has(v.container))) continue;
        push(lo, v.ruleId, v.message, v.path, v.container);
      }
    }
  }

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
      push(lo, rule.meta.id, f.message, f.path);
    }
  }
  return { rules: plan.rules, findings: findings.sort(compareFindings), errors: plan.errors };
}

export function checkObjects(objects: readonly LoadedObject[], options: CheckOptions): CheckResult {
  const plan = planCheck(options);
  return runCheck(objects, plan, options.now);
}
