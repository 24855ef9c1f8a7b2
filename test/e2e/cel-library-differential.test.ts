/**
 * The policy library's own CEL, expression by expression, against Kubernetes' Go CEL
 * (tools/cel-reference): every variable, matchCondition, validation, messageExpression and
 * auditAnnotation of every library VAP, on real objects (a sample of the upstream Pod Security
 * fixtures, the argocd example apps, our policy fixtures), with default and configured params.
 * Variables are computed in order by the reference and fed to both sides, like the apiserver's
 * lazy `variables`; a case whose variable errors or is not plain data stops there (counted).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { canonical, compileCel, toCel } from "../../src/policy/cel/index.js";
import { libraryRules } from "../../src/policy/library/index.js";
import { toVap } from "../../src/policy/library/to-vap.js";
import { defaultParams, paramsConfigMap } from "../../src/policy/params/params.js";
import { policyParamsSchema } from "../../src/policy/params/schema.js";
import {
  compilePolicySet,
  gvkOf,
  isClusterScoped,
  resourceOf,
  type KubeObject,
} from "../../src/policy/vap/index.js";
import { evaluateWithReference, type ReferenceCase } from "../../bench/cel-reference.js";

const root = resolve(import.meta.dirname, "../..");

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

function objectsIn(file: string): KubeObject[] {
  const text = readFileSync(file, "utf8");
  if (text.includes("{{")) return []; // Helm templates are not objects.
  try {
    return parseAllDocuments(text, { intAsBigInt: true })
      .filter((d) => d.errors.length === 0 && d.warnings.length === 0)
      .map((d) => d.toJS() as unknown)
      .filter(
        (o): o is KubeObject =>
          o !== null && typeof o === "object" && typeof (o as KubeObject).kind === "string",
      );
  } catch {
    return []; // Not YAML: not objects.
  }
}

function corpus(): KubeObject[] {
  const pss = yamlFiles(resolve(root, "../shared/corpus/pod-security")).filter((_, i) => i % 50 === 0);
  const files = [
    ...pss,
    ...yamlFiles(resolve(root, "../shared/corpus/argocd-example-apps")),
    ...yamlFiles(resolve(root, "test/fixtures/policy")),
  ];
  return files.flatMap(objectsIn).filter((o) => o.kind !== "PolicyParams");
}

// Plain data back from the reference's canonical form; undefined when it is not plain data.
function plain(c: unknown): unknown {
  if (c === null || typeof c === "string" || typeof c === "boolean") return c;
  if (Array.isArray(c)) {
    const items = c.map(plain);
    return items.includes(undefined) ? undefined : items;
  }
  const o = c as Record<string, unknown>;
  if ("int" in o) return BigInt(o.int as string);
  if ("double" in o && typeof o.double === "number") return o.double;
  if ("map" in o) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of o.map as [unknown, unknown][]) {
      const pv = plain(v);
      if (typeof k !== "string" || pv === undefined) return undefined;
      out[k] = pv;
    }
    return out;
  }
  return undefined;
}

describe("policy library CEL: ours vs Kubernetes' Go CEL", () => {
  it("gives the same result for every library expression on every matching corpus object", () => {
    const objects = corpus();
    const paramSets = [
      paramsConfigMap(defaultParams),
      paramsConfigMap(
        policyParamsSchema.parse({
          trustedRegistries: ["registry.example.com/", "ghcr.io/"],
          allowedImages: ["^nginx(:.*)?$", "^registry\\.example\\.com/.*$"],
          externalServiceNamespaces: ["edge"],
        }),
      ),
    ];
    const policies = libraryRules.map(toVap);
    const work: {
      base: Record<string, unknown>;
      vars: Record<string, unknown>;
      policy: (typeof policies)[number];
    }[] = [];
    for (const params of paramSets) {
      for (const policy of policies) {
        const set = compilePolicySet({
          policies: [policy],
          bindings: [
            {
              apiVersion: "admissionregistration.k8s.io/v1",
              kind: "ValidatingAdmissionPolicyBinding",
              metadata: { name: "b" },
              spec: { policyName: policy.metadata.name, validationActions: ["Deny"] },
            },
          ],
        });
        for (const object of objects) {
          if (set.admit({ object }).evaluated.length === 0) continue;
          const kind = gvkOf(object);
          const namespace = isClusterScoped(kind) ? "" : (object.metadata?.namespace ?? "default");
          const base = {
            object,
            oldObject: null,
            params,
            namespaceObject:
              namespace === ""
                ? null
                : { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } },
            request: {
              uid: "",
              kind,
              resource: resourceOf(kind),
              subResource: "",
              requestKind: kind,
              requestResource: resourceOf(kind),
              requestSubResource: "",
              name: object.metadata?.name ?? "",
              namespace,
              operation: "CREATE",
              userInfo: { username: "dev", groups: ["system:authenticated"] },
              dryRun: false,
              options: null,
            },
            authorizer: null,
          };
          work.push({ base, vars: {}, policy });
        }
      }
    }

    let comparisons = 0;
    let stopped = 0;
    const mismatches: string[] = [];
    const compare = (
      batch: { expression: string; variables: Record<string, unknown> }[],
    ): (unknown | undefined)[] => {
      const ref = evaluateWithReference(batch as ReferenceCase[]);
      return batch.map((c, i) => {
        const r = ref[i];
        const compiled = compileCel(c.expression);
        const activation: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(c.variables)) activation[k] = toCel(v, { numbers: "double" });
        const ours = compiled.ok
          ? compiled.expression.evaluate(activation)
          : { ok: false as const, error: compiled.error };
        const a = ours.ok ? JSON.stringify(canonical(ours.value)) : "error";
        const b = r?.ok === true ? JSON.stringify(r.value) : "error";
        comparisons++;
        if (a !== b && mismatches.length < 200) {
          mismatches.push(
            `${c.expression}\n  ours: ${ours.ok ? a : ours.error}\n  go:   ${r?.ok === true ? b : r?.error}`,
          );
        }
        return r?.ok === true ? r.value : undefined;
      });
    };

    // Variables, one position at a time, each fed the previous ones' reference values.
    let live = work;
    const maxVars = Math.max(...policies.map((p) => p.spec.variables?.length ?? 0));
    for (let i = 0; i < maxVars; i++) {
      const batch = live.filter((w) => (w.policy.spec.variables?.length ?? 0) > i);
      const results = compare(
        batch.map((w) => ({
          expression: w.policy.spec.variables?.[i]?.expression ?? "",
          variables: { ...w.base, variables: w.vars },
        })),
      );
      const failed = new Set<(typeof work)[number]>();
      batch.forEach((w, j) => {
        const value = plain(results[j]);
        if (results[j] === undefined || value === undefined) failed.add(w);
        else w.vars[w.policy.spec.variables?.[i]?.name ?? ""] = value;
      });
      stopped += failed.size;
      live = live.filter((w) => !failed.has(w));
    }
    const final = live.flatMap((w) => {
      const s = w.policy.spec;
      const exprs = [
        ...(s.matchConditions ?? []).map((m) => m.expression),
        ...(s.validations ?? []).flatMap((v) => [
          v.expression,
          ...(v.messageExpression ? [v.messageExpression] : []),
        ]),
        ...(s.auditAnnotations ?? []).map((a) => a.valueExpression),
      ];
      return exprs.map((expression) => ({ expression, variables: { ...w.base, variables: w.vars } }));
    });
    compare(final);

    console.log(
      `policy library CEL differential: ${objects.length} objects, ${work.length} (object, policy, params) cases, ${comparisons} comparisons, ${mismatches.length} mismatches, ${stopped} cases stopped at a variable`,
    );
    if (mismatches.length > 0) console.log(mismatches.slice(0, 10).join("\n"));
    expect(mismatches).toEqual([]);
    expect(work.length).toBeGreaterThan(500);
    expect(stopped).toBeLessThan(work.length / 2);
  }, 600_000);
});
