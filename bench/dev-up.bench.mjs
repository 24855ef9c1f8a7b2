// `bespoke dev up` with a warm cache: time to /readyz and to "up" (controller-manager serving),
// and the servers' resident memory, next to baselines measured in the same run: `node -e 0`
// (process start floor) and etcd alone reaching /health. Needs `npm run build` and cached binaries
// (`scripts/build-control-plane.sh`); skips when they are not. Usage: node bench/dev-up.bench.mjs [runs, default 3]
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const { devUp } = await import("../dist/dev/up.js");
const { devDown } = await import("../dist/dev/down.js");
const { resolveBinaries } = await import("../dist/dev/assets.js");
const { parseKubeVersion, DEFAULT_KUBE_VERSION } = await import("../dist/dev/versions.js");
const { freePorts } = await import("../dist/dev/network.js");

const { cacheRoot, verifyCacheDir } = await import("../dist/dev/cache.js");
if (!process.env.BESPOKE_CONTROL_PLANE_DIR && !process.env.KUBEBUILDER_ASSETS) {
  const cached = await verifyCacheDir(join(cacheRoot(process.env), DEFAULT_KUBE_VERSION), false);
  if (!cached.ok) {
    console.log(
      `dev up bench skipped: control plane ${DEFAULT_KUBE_VERSION} not cached (run scripts/build-control-plane.sh)`,
    );
    process.exit(0);
  }
}
const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 3);
const version = parseKubeVersion(DEFAULT_KUBE_VERSION);
const quiet = () => undefined;
const bins = await resolveBinaries({ version, env: process.env, progress: quiet });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rssMiB = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function nodeFloor() {
  const t = performance.now();
  spawnSync(process.execPath, ["-e", "0"], { stdio: "ignore" });
  return performance.now() - t;
}

async function etcdAlone() {
  const dir = mkdtempSync(join(tmpdir(), "bench-etcd-"));
  const [client, peer] = await freePorts(2);
  const t = performance.now();
  const p = spawn(
    bins.etcd,
    [
      `--data-dir=${dir}/data`,
      `--listen-client-urls=http://127.0.0.1:${client}`,
      `--advertise-client-urls=http://127.0.0.1:${client}`,
      `--listen-peer-urls=http://127.0.0.1:${peer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${peer}`,
      `--initial-cluster=default=http://127.0.0.1:${peer}`,
      "--unsafe-no-fsync=true",
      "--log-level=error",
    ],
    { stdio: "ignore" },
  );
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${client}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await sleep(20);
  }
  const ms = performance.now() - t;
  const rss = rssMiB(p.pid);
  p.kill("SIGKILL");
  await new Promise((r) => p.once("exit", r));
  rmSync(dir, { recursive: true, force: true });
  return { ms, rss };
}

async function devUpOnce() {
  const dir = mkdtempSync(join(tmpdir(), "bench-dev-"));
  const t = performance.now();
  let readyz = NaN;
  const cluster = await devUp({
    dir,
    version,
    env: process.env,
    progress: (line) => {
      // Logged right after /readyz answered 200 (or, without a controller-manager, at the end).
      if (line.startsWith("starting kube-controller-manager")) readyz = performance.now() - t;
    },
  });
  const up = performance.now() - t;
  await sleep(2_000); // let the controllers finish their first sync before sampling memory
  const rss = Object.fromEntries(Object.entries(cluster.pids).map(([c, pid]) => [c, rssMiB(pid)]));
  await devDown(dir);
  return { readyz, up, rss };
}

const floor = [],
  etcd = [],
  dev = [];
for (let i = 0; i < runs; i++) {
  floor.push(nodeFloor());
  etcd.push(await etcdAlone());
  dev.push(await devUpOnce());
}
const row = (label, ms, extra = "") =>
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms${extra}`);
console.log(`bespoke dev up, warm cache (${bins.source}), ${runs} runs, medians`);
const base = median(floor);
row("baseline: node -e 0", base);
const e = median(etcd.map((x) => x.ms));
row("baseline: etcd alone to /health", e, `   etcd RSS ${median(etcd.map((x) => x.rss)).toFixed(0)} MiB`);
const r = median(dev.map((x) => x.readyz));
row("dev up: start to apiserver /readyz", r, `   ×${(r / e).toFixed(1)} etcd alone`);
row("dev up: start to return (controllers serving)", median(dev.map((x) => x.up)));
for (const c of ["etcd", "kube-apiserver", "kube-controller-manager"]) {
  console.log(
    `RSS ${c.padEnd(40)} ${median(dev.map((x) => x.rss[c]))
      .toFixed(0)
      .padStart(7)} MiB`,
  );
}
