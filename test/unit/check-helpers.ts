/** Shared by the check tests: the compliant fixture set, loaded fresh for every mutation. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { parseManifests, type LoadedObject } from "../../src/policy/load/parse.js";
import { parseParams } from "../../src/policy/params/load.js";
import type { KubeObject } from "../../src/policy/vap/types.js";

export const fixtureDir = join(import.meta.dirname, "../fixtures/policy");
export const compliantText = readFileSync(join(fixtureDir, "compliant.yaml"), "utf8");
export const testParams = parseParams(readFileSync(join(fixtureDir, "params.yaml"), "utf8"), "params.yaml");
export const now = "2026-11-25T12:00:00Z";

export function compliantObjects(): KubeObject[] {
  return parseManifests(compliantText, "compliant.yaml").objects.map((o) => structuredClone(o.object));
}

/** Re-serialises objects so positions are real, as if the user had written them. */
export function asLoaded(objects: readonly KubeObject[], file = "case.yaml"): LoadedObject[] {
  return parseManifests(objects.map((o) => stringify(o)).join("---\n"), file).objects;
}

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function byKind(objects: KubeObject[], kind: string): Any {
  const o = objects.find((x) => x.kind === kind);
  if (!o) throw new Error(`fixture has no ${kind}`);
  return o as Any;
}

/** One mutation per rule: breaks exactly what the rule asks for, on the named kind's first object. */
export const breakers: Record<string, { kind: string; apply: (o: Any, all: KubeObject[]) => void }> = {};
const pod = (o: Any): Any => o.spec.template.spec;
const c0 = (o: Any): Any => pod(o).containers[0];
const dep = (id: string, apply: (o: Any, all: KubeObject[]) => void) =>
  (breakers[id] = { kind: "Deployment", apply });
const on = (id: string, kind: string, apply: (o: Any, all: KubeObject[]) => void) =>
  (breakers[id] = { kind, apply });

dep("img-trusted-registry", (o) => (c0(o).image = "docker.io/library/nginx:1.25"));
dep("img-allowed", (o) => (c0(o).image = "registry.example.com/other/x:1"));
dep("img-no-latest", (o) => (c0(o).image = "registry.example.com/shop/web:latest"));
dep("img-digest", (o) => (c0(o).image = "registry.example.com/shop/web:1.4.2"));
dep("img-pull-policy-never", (o) => (c0(o).imagePullPolicy = "Never"));
dep("res-cpu-request", (o) => delete c0(o).resources.requests.cpu);
dep("res-memory-request", (o) => {
  delete c0(o).resources.requests.memory;
  delete c0(o).resources.limits.memory;
});
dep("res-memory-limit", (o) => delete c0(o).resources.limits.memory);
dep("probe-readiness", (o) => delete c0(o).readinessProbe);
dep("probe-liveness", (o) => delete c0(o).livenessProbe);
dep("probe-distinct", (o) => (c0(o).livenessProbe = structuredClone(c0(o).readinessProbe)));
// The API refuses privileged together with allowPrivilegeEscalation: false, so both change.
dep("sec-no-privileged", (o) => {
  c0(o).securityContext.privileged = true;
  c0(o).securityContext.allowPrivilegeEscalation = true;
});
dep("sec-run-as-non-root", (o) => {
  pod(o).securityContext.runAsNonRoot = false;
  delete pod(o).securityContext.runAsUser;
});
dep("sec-no-root-user", (o) => (c0(o).securityContext.runAsUser = 0));
dep("sec-no-root-group", (o) => (pod(o).securityContext.runAsGroup = 0));
dep("sec-no-privilege-escalation", (o) => delete c0(o).securityContext.allowPrivilegeEscalation);
dep("sec-read-only-root-fs", (o) => (c0(o).securityContext.readOnlyRootFilesystem = false));
dep("sec-drop-all-caps", (o) => (c0(o).securityContext.capabilities.drop = ["NET_RAW"]));
dep("sec-no-added-caps", (o) => (c0(o).securityContext.capabilities.add = ["SYS_ADMIN"]));
dep("sec-seccomp", (o) => delete pod(o).securityContext.seccompProfile);
dep("env-no-secret-literal", (o) => (c0(o).env = [{ name: "API_TOKEN", value: "s3cr3t" }]));
dep("port-no-host-port", (o) => (c0(o).ports[0].hostPort = 8080));
dep("pod-no-host-network", (o) => (pod(o).hostNetwork = true));
dep("pod-no-host-pid", (o) => (pod(o).hostPID = true));
dep("pod-no-host-ipc", (o) => (pod(o).hostIPC = true));
dep("pod-no-host-path", (o) => (pod(o).volumes = [{ name: "host", hostPath: { path: "/var/run" } }]));
dep("pod-no-sa-token", (o) => delete pod(o).automountServiceAccountToken);
dep("pod-no-default-sa", (o) => delete pod(o).serviceAccountName);
dep("pod-no-shared-pid", (o) => (pod(o).shareProcessNamespace = true));
dep("meta-required-labels", (o) => delete o.metadata.labels["app.kubernetes.io/name"]);
dep("meta-owner-label", (o) => delete o.spec.template.metadata.labels.team);
dep("meta-no-default-namespace", (o) => (o.metadata.namespace = "default"));
dep("pod-spread", (o) => delete pod(o).topologySpreadConstraints);
dep("wl-replicas-prod", (o) => {
  o.metadata.namespace = "prod";
  o.spec.replicas = 1;
});
on("job-ttl", "Job", (o) => delete o.spec.ttlSecondsAfterFinished);
on("job-backoff-limit", "Job", (o) => (o.spec.backoffLimit = 20));
on("cronjob-concurrency", "CronJob", (o) => (o.spec.concurrencyPolicy = "Allow"));
on("cronjob-starting-deadline", "CronJob", (o) => delete o.spec.startingDeadlineSeconds);
on("svc-type-allowed", "Service", (o) => (o.spec.type = "NodePort"));
on("svc-no-external-ips", "Service", (o) => (o.spec.externalIPs = ["192.0.2.10"]));
on("ing-tls", "Ingress", (o) => delete o.spec.tls);
on("ing-host-required", "Ingress", (o) => o.spec.rules.push({ http: o.spec.rules[0].http }));
on("ing-class", "Ingress", (o) => delete o.spec.ingressClassName);
on("httproute-hostnames", "HTTPRoute", (o) => delete o.spec.hostnames);
on("rbac-no-wildcard-verbs", "Role", (o) => (o.rules[0].verbs = ["*"]));
on("rbac-no-wildcard-resources", "Role", (o) => (o.rules[0].resources = ["*"]));
on("rbac-no-escalation-verbs", "Role", (o) => o.rules[0].verbs.push("bind"));
on("rbac-no-cluster-secrets-read", "Role", (o) => {
  o.kind = "ClusterRole";
  delete o.metadata.namespace;
  o.rules[0].resources = ["secrets"];
});
on("rbac-cluster-admin", "ClusterRoleBinding", (o) => o.subjects.push({ kind: "User", name: "alice" }));
on("rbac-no-anonymous", "ClusterRoleBinding", (o) =>
  o.subjects.push({ kind: "Group", name: "system:authenticated" }),
);
on("ns-psa-enforce", "Namespace", (o) => delete o.metadata.labels["pod-security.kubernetes.io/enforce"]);
on("ns-policy-mode", "Namespace", (o) => delete o.metadata.labels["bespoke.dev/policy"]);
on("xo-service-no-pods", "Service", (o) => (o.spec.selector = { app: "nope" }));
on("xo-pdb-no-match", "PodDisruptionBudget", (o) => (o.spec.selector = { matchLabels: { app: "nope" } }));
on("xo-pdb-missing", "PodDisruptionBudget", (o, all) => all.splice(all.indexOf(o as KubeObject), 1));
on("xo-hpa-missing-target", "HorizontalPodAutoscaler", (o) => (o.spec.scaleTargetRef.name = "nope"));
on("xo-netpol-coverage", "NetworkPolicy", (o, all) => all.splice(all.indexOf(o as KubeObject), 1));
on("xo-duplicate-host", "HTTPRoute", (o) => {
  o.spec.hostnames = ["shop.example.com"];
  o.spec.rules[0].matches = [{ path: { type: "PathPrefix", value: "/" } }];
});

export function broken(ruleId: string): { objects: KubeObject[]; target: Any } {
  const b = breakers[ruleId];
  if (!b) throw new Error(`no breaker for ${ruleId}`);
  const objects = compliantObjects();
  const target = byKind(objects, b.kind);
  b.apply(target, objects);
  return { objects, target };
}
