// Render benchmark (see bench/render.ts): ENT example and a 50-override spec, plan alone as the baseline.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const rounds = process.env.BENCH_RUNS ?? "20";
const r = spawnSync(process.execPath, ["--import", "./bench/pss-ts-resolve.mjs", "bench/render.ts", rounds], {
  cwd: root,
  stdio: "inherit",
});
process.exitCode = r.status ?? 1;
