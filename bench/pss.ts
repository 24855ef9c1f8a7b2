/**
 * Pods per second of the offline Pod Security evaluation over the whole upstream fixture corpus
 * (4,537 pods, each at its own level and version), next to a baseline measured in the same run:
 * merely parsing the same YAML files. Prints figures; never a pass/fail criterion.
 *
 *   node --import ./bench/pss-ts-resolve.mjs bench/pss.ts [rounds]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { evaluatePodSecurity, podSecurityVerdict } from "../src/policy/pss/index.js";
import type { PssLevel, PssVersion } from "../src/policy/pss/index.js";

const corpus = resolve(import.meta.dirname, "../../shared/corpus/pod-security");
const rounds = Number(process.argv[2] ?? 20);

interface Item {
  text: string;
  pod: unknown;
  level: PssLevel;
  version: PssVersion;
}

const items: Item[] = [];
for (const level of ["baseline", "restricted"] as const) {
  for (const version of readdirSync(join(corpus, level)).sort()) {
    for (const expectation of ["pass", "fail"]) {
      const dir = join(corpus, level, version, expectation);
      for (const name of readdirSync(dir).sort()) {
        const text = readFileSync(join(dir, name), "utf8");
        items.push({ text, pod: parse(text), level, version: version as PssVersion });
      }
    }
  }
}

/** Time of one pass over the corpus, in milliseconds. */
function pass(run: (item: Item) => unknown): number {
  const start = performance.now();
  for (const item of items) run(item);
  return performance.now() - start;
}

const cases: [string, (item: Item) => unknown][] = [
  ["baseline: YAML parse only", (i) => parse(i.text)],
  ["evaluatePodSecurity (per-field violations)", (i) => evaluatePodSecurity(i.pod, i)],
  ["podSecurityVerdict (upstream wording)", (i) => podSecurityVerdict(i.pod, i)],
  ["YAML parse + evaluatePodSecurity", (i) => evaluatePodSecurity(parse(i.text), i)],
];

console.log(`PSS bench: ${items.length} fixture pods, best of ${rounds} rounds, node ${process.version}`);
// Rounds interleave the cases so a busy shared machine slows them all alike; best round counts.
for (const [, run] of cases) pass(run); // warm-up
const best = cases.map(() => Infinity);
for (let r = 0; r < rounds; r++) {
  cases.forEach(([, run], i) => {
    best[i] = Math.min(best[i] ?? Infinity, pass(run));
  });
}
const results = cases.map(([name], i) => [name, (items.length / (best[i] ?? 1)) * 1000] as const);
const base = results[0]?.[1] ?? 1;
for (const [name, pps] of results) {
  console.log(
    `${name.padEnd(46)} ${Math.round(pps).toString().padStart(9)} pods/s  ${(pps / base).toFixed(2)}× parse`,
  );
}
