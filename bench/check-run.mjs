// One measured run in a fresh process (so peak RSS is this run's): `node bench/check-run.mjs MODE DIR`.
// MODE "parse" loads and parses every file only (the baseline); "check" runs every rule as `bespoke check` does
// (worker threads when the input is large enough); "check-1" runs every rule in this one thread.
import { performance } from "node:perf_hooks";

const [mode, dir] = process.argv.slice(2);
const { loadInputs } = await import("../dist/policy/load/files.js");
const t0 = performance.now();
const loaded = await loadInputs([dir], { kustomize: false, readStdin: async () => "" });
let findings = 0;
if (mode === "check" || mode === "check-1") {
  const { checkObjects } = await import("../dist/policy/check/check.js");
  const { checkObjectsParallel } = await import("../dist/policy/check/parallel.js");
  const { defaultParams } = await import("../dist/policy/params/params.js");
  const options = { pssVersion: "latest", params: defaultParams, now: "2026-11-25T00:00:00Z" };
  const r =
    mode === "check"
      ? await checkObjectsParallel(loaded.objects, options)
      : checkObjects(loaded.objects, options);
  findings = r.findings.length;
}
const ms = performance.now() - t0;
console.log(
  JSON.stringify({
    mode,
    objects: loaded.objects.length,
    errors: loaded.errors.length,
    findings,
    ms,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
);
