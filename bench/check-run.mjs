// One measured run in a fresh process (so peak RSS is this run's): `node bench/check-run.mjs MODE DIR`.
// MODE "parse" loads and parses every file only (the baseline); "check" runs every rule as `bespoke check` does.
import { performance } from "node:perf_hooks";

const [mode, dir] = process.argv.slice(2);
const { loadInputs } = await import("../dist/policy/load/files.js");
const t0 = performance.now();
const loaded = await loadInputs([dir], { kustomize: false, readStdin: async () => "" });
let findings = 0;
if (mode === "check") {
  const { checkObjects } = await import("../dist/policy/check/check.js");
  const { defaultParams } = await import("../dist/policy/params/params.js");
  const r = checkObjects(loaded.objects, {
    pssVersion: "latest",
    params: defaultParams,
    now: "2026-11-25T00:00:00Z",
  });
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
