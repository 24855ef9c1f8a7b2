/**
 * The VAP engine with the whole policy library (src/policy/library) over generated Deployments:
 * objects per second, next to a baseline measured in the same run (converting the same objects to
 * CEL values only). Prints figures; never pass/fail.
 *
 *   node --import ./bench/pss-ts-resolve.mjs bench/cel-library.ts [objects] [rounds]
 */
import { toCel } from "../src/policy/cel/index.js";
import { libraryRules } from "../src/policy/library/index.js";
import { toVap } from "../src/policy/library/to-vap.js";
import { defaultParams, paramsConfigMap } from "../src/policy/params/params.js";
import { compilePolicySet, type KubeObject } from "../src/policy/vap/index.js";

const count = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 3);

function deployment(i: number): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: `web-${i}`,
      namespace: i % 3 === 0 ? "prod" : "shop",
      labels: { "app.kubernetes.io/name": "web", team: "a" },
    },
    spec: {
      replicas: BigInt(1 + (i % 4)),
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          containers: [
            {
              name: "app",
              image: i % 5 === 0 ? "nginx:latest" : "registry.example.com/app:1.2.3",
              resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "128Mi" } },
              readinessProbe: { httpGet: { path: "/ready", port: 8080n } },
              livenessProbe: { httpGet: { path: "/live", port: 8080n } },
              securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
            },
          ],
        },
      },
    },
  };
}

const objects = Array.from({ length: count }, (_, i) => deployment(i));
const policies = libraryRules.map(toVap);
const set = compilePolicySet({
  policies,
  bindings: policies.map((p) => ({
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: { name: p.metadata.name },
    spec: {
      policyName: p.metadata.name,
      ...(p.spec.paramKind
        ? { paramRef: { name: "bespoke-policy-params", namespace: "bespoke-system" } }
        : {}),
      validationActions: ["Deny"],
    },
  })),
  params: [paramsConfigMap(defaultParams)],
});
const validations = policies.reduce((n, p) => n + (p.spec.validations?.length ?? 0), 0);

let best = 0;
let baseline = 0;
let denials = 0;
for (let r = 0; r < rounds; r++) {
  let t0 = process.hrtime.bigint();
  for (const o of objects) toCel(o);
  baseline = Math.max(baseline, count / (Number(process.hrtime.bigint() - t0) / 1e9));
  t0 = process.hrtime.bigint();
  denials = 0;
  for (const o of objects) denials += set.admit({ object: o }).denials.length;
  best = Math.max(best, count / (Number(process.hrtime.bigint() - t0) / 1e9));
}
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
console.log(
  `policy library: ${policies.length} policies, ${validations} validations, ${count} Deployments, best of ${rounds}`,
);
console.log(`  baseline (convert objects to CEL values only): ${fmt(baseline)} objects/s`);
console.log(
  `  VAP engine, all library policies:              ${fmt(best)} objects/s (${denials} denials in the last round)`,
);
