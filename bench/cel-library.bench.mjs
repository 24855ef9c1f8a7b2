// Entry for bench/run.mjs: runs bench/cel-library.ts (TypeScript, types stripped by Node 24).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const r = spawnSync(
  process.execPath,
  ["--import", dir + "pss-ts-resolve.mjs", dir + "cel-library.ts", ...process.argv.slice(2)],
  { stdio: "inherit" },
);
process.exitCode = r.status ?? 1;
