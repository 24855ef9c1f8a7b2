// One measured run in a fresh process (so peak RSS is this run's): `node bench/check-run.mjs MODE DIR`.
// MODE "parse" reads and parses every file only (the baseline); "check" runs every rule as `bespoke check`
// does (worker threads on every core when the input is large enough); "check-N" asks for N threads
// (1: this thread only; N >= 2: N workers whatever the input's size); "report" checks as "check" and
// writes the JSON report to /dev/null, as `bespoke check --output json > /dev/null` would.
import { performance } from "node:perf_hooks";

const [mode, dir] = process.argv.slice(2);
const { readSources } = await import("../dist/policy/load/files.js");
const { parseManifests } = await import("../dist/policy/load/parse.js");
const t0 = performance.now();
const load = { kustomize: false, readStdin: async () => "" };
let objects = 0;
let errors = 0;
let findings = 0;
if (mode === "parse") {
  const read = await readSources([dir], load);
  for (const e of read.entries) {
    if (e.error) errors++;
    else {
      const r = parseManifests(e.source.text, e.source.name);
      objects += r.objects.length;
      errors += r.errors.length;
    }
  }
} else {
  const { checkInputs } = await import("../dist/policy/check/pipeline.js");
  const { defaultParams } = await import("../dist/policy/params/params.js");
  const options = { pssVersion: "latest", params: defaultParams, now: "2026-11-25T00:00:00Z" };
  // What `bespoke check` does between its flags and its report: read and check.
  const threads = /^check-\d+$/.test(mode) ? Number(mode.slice("check-".length)) : undefined;
  const r = await checkInputs([dir], load, options, threads);
  if (mode === "report") {
    const { openSync, writeSync, closeSync } = await import("node:fs");
    const { writeReport } = await import("../dist/report/index.js");
    const { makeStyle } = await import("../dist/cli/style.js");
    const fd = openSync("/dev/null", "w");
    const report = {
      tool: { name: "bespoke", version: "bench" },
      run: "check",
      rules: r.rules,
      findings: r.findings,
      errors: r.errors,
      inputs: r.inputs,
    };
    writeReport(report, "json", makeStyle(false), (s) => writeSync(fd, s));
    closeSync(fd);
  }
  objects = r.objects;
  errors = r.errors.length;
  findings = r.findings.length;
}
const ms = performance.now() - t0;
const usage = process.resourceUsage();
// CPU time of every thread of the process (user + system), to see what threads cost beside wall time.
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
console.log(JSON.stringify({ mode, objects, errors, findings, ms, cpuMs, maxRssKiB: usage.maxRSS }));
