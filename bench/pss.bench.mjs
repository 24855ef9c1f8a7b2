// Offline Pod Security Standards over the upstream fixture corpus, against a YAML-parse baseline
// (see bench/pss.ts); run by `npm run bench`. The TypeScript source runs directly on Node 24.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const rounds = process.env.BENCH_RUNS ?? "20";
const r = spawnSync(process.execPath, ["--import", "./bench/pss-ts-resolve.mjs", "bench/pss.ts", rounds], {
  cwd: root,
  stdio: "inherit",
});
process.exitCode = r.status ?? 1;
