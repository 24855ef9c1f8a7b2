// `bespoke check` throughput and peak RSS over >= 10,000 objects, all rules on, against a baseline
// in the same run (loading and YAML-parsing the same files, nothing else). Run by `npm run bench`
// (which builds dist/ first). Corpus: the upstream Pod Security fixtures plus generated Deployments.
//
// Compare with kube-score (see docs/check.md): install it outside the repo, e.g.
//   GOBIN=/tmp/peers/bin go install github.com/zegl/kube-score/cmd/kube-score@latest
// and this script runs it on the same files when /tmp/peers/bin/kube-score (or KUBE_SCORE) exists.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = join(root, "../shared/corpus/pod-security");
const runs = Number(process.env.BENCH_RUNS ?? "3");
const generated = Number(process.env.BENCH_DEPLOYMENTS ?? "6000");

const dir = mkdtempSync(join(tmpdir(), "bespoke-check-bench-"));
let pssFiles = 0;
if (existsSync(corpus)) {
  for (const level of ["baseline", "restricted"]) {
    for (const version of readdirSync(join(corpus, level))) {
      for (const verdict of ["pass", "fail"]) {
        const src = join(corpus, level, version, verdict);
        if (!existsSync(src)) continue;
        const dst = join(dir, "pss", level, version, verdict);
        mkdirSync(dst, { recursive: true });
        cpSync(src, dst, { recursive: true });
        pssFiles += readdirSync(src).length;
      }
    }
  }
}
mkdirSync(join(dir, "generated"));
const perFile = 100;
for (let f = 0; f < generated / perFile; f++) {
  const docs = [];
  for (let i = 0; i < perFile; i++) {
    const n = f * perFile + i;
    // Vary the shape so rules take different paths: some good, some with typical mistakes.
    const good = n % 3 === 0;
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${n}
  namespace: team-${n % 17}
  labels: { app.kubernetes.io/name: app-${n}${good ? ", team: t" : ""} }
spec:
  replicas: ${1 + (n % 3)}
  selector: { matchLabels: { app.kubernetes.io/name: app-${n} } }
  template:
    metadata:
      labels: { app.kubernetes.io/name: app-${n} }
    spec:
      ${good ? "automountServiceAccountToken: false\n      securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }" : "hostNetwork: " + (n % 5 === 0)}
      containers:
        - name: app
          image: registry.example.com/app:${good ? "1.0.0" : "latest"}
          resources: { requests: { cpu: 100m, memory: 64Mi }${good ? ", limits: { memory: 64Mi }" : ""} }
          ${good ? "readinessProbe: { httpGet: { path: /, port: 8080 } }" : "env: [{ name: API_TOKEN, value: x }]"}
        - name: sidecar
          image: registry.example.com/sidecar@sha256:${"ab".repeat(32)}
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
`);
  }
  writeFileSync(join(dir, "generated", `deployments-${f}.yaml`), docs.join("---\n"));
}

function measure(mode) {
  const r = spawnSync(process.execPath, [join(root, "bench/check-run.mjs"), mode, dir], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cores = availableParallelism();
const modes = ["parse", "check-1", "check", ...(cores > 1 ? [`check-${cores}`] : []), "report"];
const results = Object.fromEntries(modes.map((m) => [m, []]));
for (let i = 0; i < runs && !process.env.BENCH_ONLY_CORPUS; i++)
  for (const mode of modes) results[mode].push(measure(mode));
if (process.env.BENCH_ONLY_CORPUS) {
  console.log(dir);
  process.exit(0);
}
const summary = (mode) => {
  const rs = results[mode];
  const ms = median(rs.map((r) => r.ms));
  const rss = Math.max(...rs.map((r) => r.maxRssKiB)) / 1024;
  return {
    objects: rs[0].objects,
    ms,
    cpuMs: median(rs.map((r) => r.cpuMs)),
    perSec: Math.round((rs[0].objects / ms) * 1000),
    rss,
    findings: rs[0].findings,
  };
};
const p = summary("parse");
const c1 = summary("check-1");
const c = summary("check");
const cn = cores > 1 ? summary(`check-${cores}`) : undefined;
console.log(
  `corpus: ${pssFiles} PSS fixture files + ${generated} generated Deployments = ${c.objects} objects (${runs} runs, median)`,
);
console.log(
  `baseline: read + parse only  : ${p.ms.toFixed(0)} ms, ${p.perSec} objects/s, CPU ${p.cpuMs.toFixed(0)} ms, peak RSS ${p.rss.toFixed(0)} MiB`,
);
const line = (label, r) =>
  `${label}: ${r.ms.toFixed(0)} ms, ${r.perSec} objects/s, CPU ${r.cpuMs.toFixed(0)} ms, peak RSS ${r.rss.toFixed(0)} MiB, ${r.findings} findings`;
console.log(line("bespoke check, 1 thread      ", c1));
console.log(line("bespoke check (default)      ", c));
if (cn) console.log(line(`bespoke check, ${String(cores).padStart(2)} workers    `, cn));
console.log(line("check + JSON report written ", summary("report")));
console.log(`check costs ${(c.ms / p.ms).toFixed(2)}x the parse baseline`);

const kubeScore = process.env.KUBE_SCORE ?? "/tmp/peers/bin/kube-score";
if (existsSync(kubeScore)) {
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else files.push(join(d, e.name));
    }
  };
  walk(dir);
  const t0 = performance.now();
  spawnSync(kubeScore, ["score", "--output-format", "ci", ...files], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t0;
  console.log(
    `kube-score          : ${ms.toFixed(0)} ms, ${Math.round((c.objects / ms) * 1000)} objects/s (one run)`,
  );
} else {
  console.log(`kube-score not found at ${kubeScore}: see docs/check.md to compare side by side`);
}
if (process.env.BENCH_KEEP) console.log(`corpus kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
