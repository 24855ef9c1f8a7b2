// Cold start of the CLI against the floor (`node -e 0`), measured in one run: `npm run bench`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(label, args) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0) throw new Error(`${label} exited ${r.status}`);
  }
  return { label, median: median(ms), min: Math.min(...ms) };
}

const base = time("node -e 0", ["-e", "0"]);
const rows = [
  base,
  time("bespoke --help", ["bin/bespoke.js", "--help"]),
  time("bespoke plan examples/ent.yaml", ["bin/bespoke.js", "plan", "examples/ent.yaml"]),
  time("bespoke plan --output json", ["bin/bespoke.js", "plan", "examples/mbu.yaml", "--output", "json"]),
];
console.log(`cli start, ${runs} runs each (median / min ms, and the median over node -e 0)`);
for (const r of rows) {
  console.log(
    `${r.label.padEnd(34)} ${r.median.toFixed(1).padStart(7)} ms ${r.min.toFixed(1).padStart(7)} ms  ×${(r.median / base.median).toFixed(2)}`,
  );
}
