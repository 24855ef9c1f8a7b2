// image lint (files/s, against hadolint when installed) and image inspect (MB/s, peak RSS) —
// see bench/image-lint.ts and bench/image-inspect.ts; run by `npm run bench`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const rounds = process.env.BENCH_RUNS ?? "3";
let status = 0;
for (const script of ["bench/image-lint.ts", "bench/image-inspect.ts"]) {
  console.log(`-- ${script}`);
  const r = spawnSync(process.execPath, ["--import", "./bench/pss-ts-resolve.mjs", script, rounds], {
    cwd: root,
    stdio: "inherit",
  });
  status ||= r.status ?? 1;
}
process.exitCode = status;
