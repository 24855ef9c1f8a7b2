/**
 * Differential test: the exported policies in a real apiserver and `bespoke check` offline give the
 * same verdict and the same message. Objects: the compliant fixtures, one broken variant per rule,
 * and property-generated Deployments with random sets of rule breakers applied.
 *
 * Phase 1 applies the export exactly as shipped (policies, params, bindings) and a namespace labelled
 * bespoke.dev/policy=enforce: an object is denied iff `bespoke check` finds an error-severity VAP rule.
 * Phase 2 binds every rule with Deny in a namespace of its own, so warning and info rules (which only
 * warn in enforce namespaces) are compared too, message by message.
 * Phase 3 checks the exception guard with a real non-admin identity (a ServiceAccount token).
 * The phases build on each other (phase 1 applies the export) and run in order.
 */
import type { KubernetesObject } from "@kubernetes/client-node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkObjects } from "../../src/policy/check/check.js";
import { libraryRules } from "../../src/policy/library/index.js";
import { policyName } from "../../src/policy/library/to-vap.js";
import { exportPolicies } from "../../src/policy/export/export.js";
import { paramsConfigMapName, paramsNamespace } from "../../src/policy/params/params.js";
import type { KubeObject } from "../../src/policy/vap/types.js";
import { parseAllDocuments } from "yaml";
import {
  asLoaded,
  breakers,
  broken,
  byKind,
  compliantObjects,
  now,
  testParams,
} from "../unit/check-helpers.js";
import { startControlPlane, type ControlPlane } from "./harness.js";
import { KubeConfig } from "@kubernetes/client-node";
import { RawKubeClient } from "../../src/kube/raw.js";
import { dryRunCreate } from "../../src/kube/objects.js";
import { compilePolicySet } from "../../src/policy/vap/index.js";
import { exportGuard } from "../../src/policy/export/export.js";
import { paramsConfigMap } from "../../src/policy/params/params.js";
import { exceptionKey } from "../../src/policy/exceptions/annotation.js";

let cp: ControlPlane;
beforeAll(async () => {
  cp = await startControlPlane();
  await cp.installCorpusCrds();
});
afterAll(async () => {
  await cp?.stop();
});

const vapIds = new Set(libraryRules.map((r) => r.meta.id));
const severity = new Map(libraryRules.map((r) => [r.meta.id, r.meta.severity]));
// These breakers move the object to another namespace, which the test itself decides.
const namespaceBound = new Set(["meta-no-default-namespace", "wl-replicas-prod"]);

function corpus(): { label: string; objects: KubeObject[] }[] {
  const out = [{ label: "compliant", objects: compliantObjects() }];
  for (const id of Object.keys(breakers).sort()) {
    if (!vapIds.has(id) || namespaceBound.has(id)) continue;
    out.push({ label: `broken ${id}`, objects: broken(id).objects });
  }
  const deploymentBreakers = Object.entries(breakers)
    .filter(([id, b]) => b.kind === "Deployment" && vapIds.has(id) && !namespaceBound.has(id))
    .map(([id]) => id);
  const samples = fc.sample(fc.subarray(deploymentBreakers, { minLength: 1, maxLength: 6 }), {
    numRuns: 25,
    seed: 5,
  });
  samples.forEach((ids, i) => {
    const objects = compliantObjects();
    const dep = objects.find((o) => o.kind === "Deployment") as Record<string, never>;
    for (const id of ids) breakers[id]?.apply(dep, objects);
    out.push({ label: `generated ${i}: ${ids.join("+")}`, objects: [dep] });
  });
  return out;
}

/** Offline verdict for one object in a namespace: VAP findings only (PSS and offline-only rules have no VAP). */
function offline(
  object: KubeObject,
  namespace: KubeObject | undefined,
  rules: string,
): Map<string, Set<string>> {
  const objects = namespace ? [namespace, object] : [object];
  const r = checkObjects(asLoaded(objects), { pssVersion: "latest", params: testParams, now, rules });
  const byRule = new Map<string, Set<string>>();
  for (const f of r.findings) {
    if (!vapIds.has(f.ruleId) || f.object?.kind !== object.kind || f.object?.name !== object.metadata?.name)
      continue;
    byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? new Set()).add(f.message));
  }
  return byRule;
}

const prefix = /ValidatingAdmissionPolicy '([^']+)' with binding '[^']+' denied request: (.*)$/s;

function place(o: KubeObject, ns: string, extraLabels: Record<string, string>): KubeObject {
  const c = structuredClone(o);
  c.metadata = { ...(c.metadata ?? {}) };
  if (c.kind === "Namespace") {
    c.metadata.name = ns;
    c.metadata.labels = { ...(c.metadata.labels ?? {}), ...extraLabels };
  } else if (c.kind !== "ClusterRoleBinding" && c.kind !== "ClusterRole") {
    c.metadata.namespace = ns;
  } else {
    c.metadata.name = `${c.metadata.name ?? "x"}-${ns}`;
  }
  return c;
}

async function applyAll(docs: KubernetesObject[]): Promise<void> {
  for (const d of docs) await cp.apply(d);
}

async function waitUntilDenied(obj: KubernetesObject): Promise<void> {
  let last = "";
  for (let i = 0; i < 100; i++) {
    const v = await cp.dryRunCreate(obj);
    if (!v.allowed && prefix.test(v.message)) return;
    last = v.allowed ? "allowed" : v.message;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`policies never became active; last answer: ${last}`);
}

describe("VAP differential: exported policies in a real apiserver vs bespoke check", () => {
  it("phase 1: the export as shipped denies exactly the error findings in an enforce namespace", async () => {
    const files = exportPolicies(libraryRules, testParams);
    const docs = [...files]
      .filter(([p]) => p !== "kustomization.yaml")
      .flatMap(([, text]) => parseAllDocuments(text).map((d) => d.toJS() as KubernetesObject));
    // Namespace and params first, then policies, then bindings.
    const rank: Record<string, number> = { Namespace: 0, ConfigMap: 1, ValidatingAdmissionPolicy: 2 };
    docs.sort((a, b) => (rank[a.kind ?? ""] ?? 3) - (rank[b.kind ?? ""] ?? 3));
    await applyAll(docs);
    const ns = await cp.newNamespace({ "bespoke.dev/policy": "enforce" }, "enforce");
    const probe = place(byKind(broken("res-memory-limit").objects, "Deployment") as KubeObject, ns, {});
    await waitUntilDenied(probe as KubernetesObject);

    let comparisons = 0;
    const differences: string[] = [];
    const namespaced = (o: KubeObject) =>
      !["Namespace", "ClusterRoleBinding", "ClusterRole"].includes(o.kind ?? "");
    for (const { label, objects } of corpus()) {
      for (const o of objects.filter(namespaced)) {
        const placed = place(o, ns, {});
        const nsObj = {
          apiVersion: "v1",
          kind: "Namespace",
          metadata: { name: ns, labels: { "bespoke.dev/policy": "enforce" } },
        };
        const found = offline(placed, nsObj, "*,!pss-*,!xo-*");
        const errors = [...found.keys()].filter((id) => severity.get(id) === "error");
        const v = await cp.dryRunCreate(placed as KubernetesObject);
        comparisons++;
        const line = `${label} ${o.kind}/${o.metadata?.name}`;
        if (v.allowed !== (errors.length === 0)) {
          differences.push(
            `${line}: cluster ${v.allowed ? "allowed" : `denied (${v.message})`}, offline errors [${errors.join(", ")}]`,
          );
          continue;
        }
        if (!v.allowed) {
          const m = prefix.exec(v.message);
          const rule = m?.[1]?.replace(/^bespoke-/, "") ?? "";
          if (!found.get(rule)?.has(m?.[2] ?? ""))
            differences.push(
              `${line}: message ${JSON.stringify(v.message)} not among offline ${JSON.stringify([...found])}`,
            );
        }
      }
    }
    console.log(`VAP differential phase 1: ${comparisons} comparisons, ${differences.length} differences`);
    for (const d of differences) console.log(`  ${d}`);
    expect(differences).toEqual([]);
    expect(comparisons).toBeGreaterThan(50);
  });

  it("phase 2: every rule alone, Deny, same verdict and message as offline", async () => {
    let comparisons = 0;
    const differences: string[] = [];
    const cases = corpus();
    for (const rule of libraryRules) {
      const id = rule.meta.id;
      const policy = policyName(id);
      const label = { "bespoke-test/rule": id };
      await cp.apply({
        apiVersion: "admissionregistration.k8s.io/v1",
        kind: "ValidatingAdmissionPolicyBinding",
        metadata: { name: `diff-${id}` },
        spec: {
          policyName: policy,
          ...(rule.usesParams
            ? {
                paramRef: {
                  name: paramsConfigMapName,
                  namespace: paramsNamespace,
                  parameterNotFoundAction: "Deny",
                },
              }
            : {}),
          matchResources: { namespaceSelector: { matchLabels: label } },
          validationActions: ["Deny"],
        },
      } as KubernetesObject);
      const ns = await cp.newNamespace(label, "rule");
      const relevant = cases.filter(
        (c) => c.label === "compliant" || c.label === `broken ${id}` || c.label.includes(id),
      );
      let first = true;
      for (const { label: caseLabel, objects } of relevant) {
        for (const o of objects) {
          // Cluster-scoped objects meet every rule's binding at once; they are compared in phase 1 terms only.
          if (o.kind === "ClusterRoleBinding" || o.kind === "ClusterRole") continue;
          if (o.kind === "Namespace" && !rule.scope.startsWith("object")) continue;
          const placed = place(o, o.kind === "Namespace" ? `${ns}-n` : ns, label);
          const nsObj = { apiVersion: "v1", kind: "Namespace", metadata: { name: ns, labels: label } };
          const found = offline(placed, nsObj, id).get(id);
          if (first && found) {
            await waitUntilDenied(placed as KubernetesObject);
            first = false;
          }
          const v = await cp.dryRunCreate(placed as KubernetesObject);
          comparisons++;
          const line = `${id} ${caseLabel} ${o.kind}/${o.metadata?.name}`;
          if (v.allowed !== (found === undefined)) {
            differences.push(
              `${line}: cluster ${v.allowed ? "allowed" : `denied (${v.message})`}, offline ${found ? [...found].join(" | ") : "clean"}`,
            );
          } else if (!v.allowed) {
            const m = prefix.exec(v.message);
            if (!(m && m[1] === policy && found?.has(m[2] ?? "")))
              differences.push(
                `${line}: cluster "${v.message}" vs offline ${[...(found ?? [])].join(" | ")}`,
              );
          }
        }
      }
    }
    console.log(`VAP differential phase 2: ${comparisons} comparisons, ${differences.length} differences`);
    for (const d of differences) console.log(`  ${d}`);
    expect(differences).toEqual([]);
    expect(comparisons).toBeGreaterThan(libraryRules.length);
  });

  it("phase 3: only admins may set exception annotations, in the cluster as offline", async () => {
    // A namespace without bespoke.dev/policy: only the guard (bound everywhere) applies there.
    const ns = await cp.newNamespace({}, "guard");
    await cp.apply({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "dev", namespace: ns } });
    await cp.apply({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "dev-edit", namespace: ns },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" },
      subjects: [{ kind: "ServiceAccount", name: "dev", namespace: ns }],
    } as KubernetesObject);
    const token = await cp.core.createNamespacedServiceAccountToken({
      name: "dev",
      namespace: ns,
      body: { spec: { audiences: [] } },
    });
    const cluster = cp.kubeConfig.getCurrentCluster();
    if (!cluster || !token.status?.token) throw new Error("no cluster or token");
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [cluster],
      users: [{ name: "dev", token: token.status.token }],
      contexts: [{ name: "dev", cluster: cluster.name, user: "dev" }],
      currentContext: "dev",
    });
    const asDev = new RawKubeClient(kc);
    const dep = place(byKind(compliantObjects(), "Deployment") as KubeObject, ns, {});
    const excepted = structuredClone(dep);
    excepted.metadata = {
      ...excepted.metadata,
      annotations: { [exceptionKey("res-memory-limit")]: "reason=mine" },
    };

    const guard = exportGuard();
    const offlineGuard = compilePolicySet({
      policies: [guard.policy],
      bindings: [...guard.bindings],
      params: [paramsConfigMap(testParams)],
    });
    const user = {
      username: `system:serviceaccount:${ns}:dev`,
      groups: ["system:serviceaccounts", `system:serviceaccounts:${ns}`, "system:authenticated"],
    };
    const offlineDenied = offlineGuard.admit({ operation: "CREATE", object: excepted, userInfo: user });
    const clusterDenied = await dryRunCreate(asDev, excepted as KubernetesObject);
    console.log(
      `exception guard: cluster ${clusterDenied.allowed ? "allowed" : clusterDenied.message}; offline ${offlineDenied.denials[0]?.message ?? "allowed"}`,
    );
    expect(clusterDenied.allowed).toBe(false);
    expect(offlineDenied.allowed).toBe(false);
    if (!clusterDenied.allowed)
      expect(clusterDenied.message).toContain(offlineDenied.denials[0]?.message ?? "?");
    expect((await dryRunCreate(asDev, dep as KubernetesObject)).allowed).toBe(true);
    expect((await cp.dryRunCreate(excepted as KubernetesObject)).allowed).toBe(true);
  });
});
