/**
 * CEL evaluations per second: our evaluator (src/policy/cel) vs Kubernetes' Go CEL
 * (tools/cel-reference, built on first use) on the same expressions and inputs in the same run,
 * plus the VAP engine's objects per second with 40 validations. Prints figures; never pass/fail.
 *
 *   node --import ./bench/pss-ts-resolve.mjs bench/cel.ts [pods] [rounds]
 */
import { compileCel, toCel, vapActivation } from "../src/policy/cel/index.js";
import { compilePolicySet, type ValidatingAdmissionPolicy } from "../src/policy/vap/index.js";
import { runReference, type ReferenceCase } from "./cel-reference.js";

const pods = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 3);

const EXPRESSIONS = [
  "object.spec.containers.all(c, has(c.resources) && has(c.resources.limits) && 'memory' in c.resources.limits)",
  "object.spec.containers.all(c, !c.image.endsWith(':latest') && c.image.contains(':'))",
  "object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))",
  "has(object.metadata.labels) && 'app.kubernetes.io/name' in object.metadata.labels",
  "object.spec.containers.all(c, has(c.readinessProbe) && has(c.livenessProbe))",
  "!has(object.spec.hostNetwork) || object.spec.hostNetwork == false",
  "object.spec.?volumes.orValue([]).all(v, !has(v.hostPath))",
  "object.spec.containers.all(c, c.?securityContext.?privileged.orValue(false) == false)",
  "object.metadata.name.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')",
  "object.spec.containers.map(c, c.name).size() == object.spec.containers.size()",
];

// Deterministic pseudo-random pods (mulberry32), so both engines see identical data.
let seed = 42;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

function pod(i: number): Record<string, unknown> {
  const containers = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, k) => ({
    name: `c${k}`,
    image: pick(["nginx:latest", "registry.example.com/app:1.2.3", "ghcr.io/x/y:v1", "busybox"]),
    ...(rand() < 0.7
      ? { resources: { limits: { memory: "128Mi", cpu: "100m" }, requests: { cpu: "50m" } } }
      : {}),
    ...(rand() < 0.6
      ? {
          readinessProbe: { httpGet: { path: "/", port: 8080n } },
          livenessProbe: { tcpSocket: { port: 8080n } },
        }
      : {}),
    ...(rand() < 0.2 ? { securityContext: { privileged: rand() < 0.5 } } : {}),
  }));
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `pod-${i}`,
      namespace: "shop",
      labels: rand() < 0.8 ? { "app.kubernetes.io/name": "web" } : {},
    },
    spec: {
      containers,
      ...(rand() < 0.1 ? { hostNetwork: true } : {}),
      ...(rand() < 0.3
        ? { volumes: [{ name: "v", ...(rand() < 0.3 ? { hostPath: { path: "/" } } : { emptyDir: {} }) }] }
        : {}),
    },
  };
}

const objects = Array.from({ length: pods }, (_, i) => pod(i));

// Ours: compile once, evaluate every expression on every pod.
const compiled = EXPRESSIONS.map((e) => {
  const c = compileCel(e);
  if (!c.ok) throw new Error(`${e}: ${c.error}`);
  return c.expression;
});
const activations = objects.map((o) => vapActivation({ object: toCel(o) }));
let oursBest = 0;
let oursTrues = 0;
for (let r = 0; r < rounds; r++) {
  const t0 = process.hrtime.bigint();
  let t = 0;
  for (const a of activations) {
    for (const e of compiled) {
      const res = e.evaluate(a);
      if (res.ok && res.value === true) t++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  oursTrues = t;
  oursBest = Math.max(oursBest, (activations.length * compiled.length) / seconds);
}

// Go reference: same expressions and pods, compiled once, timed over `rounds` rounds in-process.
const cases: ReferenceCase[] = [];
for (const o of objects)
  for (const expression of EXPRESSIONS) cases.push({ expression, variables: { object: o } });
const goOut = JSON.parse(runReference(cases, ["-bench", String(rounds)]).trim()) as {
  evaluationsPerSecond: number;
  trues: number;
};

// VAP engine: 40 validations (the 10 expressions × 4 policies) over every pod, objects per second.
const policies: ValidatingAdmissionPolicy[] = Array.from({ length: 4 }, (_, p) => ({
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "ValidatingAdmissionPolicy",
  metadata: { name: `bench-${p}` },
  spec: {
    matchConstraints: {
      resourceRules: [
        { apiGroups: [""], apiVersions: ["v1"], resources: ["pods"], operations: ["CREATE", "UPDATE"] },
      ],
    },
    validations: EXPRESSIONS.map((expression) => ({ expression, message: "failed" })),
  },
}));
const set = compilePolicySet({
  policies,
  bindings: policies.map((p) => ({
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: { name: `${p.metadata.name}-binding` },
    spec: { policyName: p.metadata.name, validationActions: ["Deny"] },
  })),
});
let vapBest = 0;
let denied = 0;
for (let r = 0; r < rounds; r++) {
  const t0 = process.hrtime.bigint();
  denied = 0;
  for (const o of objects) if (!set.admit({ object: o }).allowed) denied++;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  vapBest = Math.max(vapBest, objects.length / seconds);
}

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
console.log(`CEL: ${EXPRESSIONS.length} expressions × ${pods} pods, best of ${rounds}`);
console.log(`  ours (cel-js + Kubernetes layer): ${fmt(oursBest)} evaluations/s (true: ${oursTrues})`);
console.log(
  `  Go reference (k8s.io/apiserver):  ${fmt(goOut.evaluationsPerSecond)} evaluations/s (true: ${goOut.trues / rounds})`,
);
console.log(`  ratio ours / Go: ${(oursBest / goOut.evaluationsPerSecond).toFixed(2)}×`);
console.log(
  `VAP engine: 4 policies × 10 validations = 40 rules: ${fmt(vapBest)} objects/s (${denied} of ${pods} denied)`,
);
