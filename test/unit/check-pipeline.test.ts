import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stringify } from "yaml";
import { diagnostic } from "../../src/core/diagnostics.js";
import { Codes } from "../../src/core/codes.js";
import { planCheck, runCheck, type CheckPlan } from "../../src/policy/check/check.js";
import {
  chunksOf,
  localRunner,
  namespacesIn,
  runSources,
  requestedThreads,
  workersFor,
  type ChunkRunner,
  type SourcesCheckResult,
} from "../../src/policy/check/pipeline.js";
import { mayHoldNamespace } from "../../src/policy/check/source-check.js";
import { readSources, type SourceEntry } from "../../src/policy/load/files.js";
import { parseManifests, type LoadedObject } from "../../src/policy/load/parse.js";
import type { KubeObject } from "../../src/policy/vap/types.js";
import { breakers, byKind, compliantObjects, now, testParams } from "./check-helpers.js";

const options = { pssVersion: "latest" as const, params: testParams, now, rules: "*" };
const plan = planCheck(options);
const ids = Object.keys(breakers);

/** The in-memory reference: parse every source in order, then runCheck on all objects at once. */
function reference(entries: readonly SourceEntry[], p: CheckPlan): SourcesCheckResult {
  const objects: LoadedObject[] = [];
  const errors = [];
  for (const e of entries) {
    if (e.error) errors.push(e.error);
    else {
      const r = parseManifests(e.source.text, e.source.name);
      objects.push(...r.objects);
      errors.push(...r.errors);
    }
  }
  const r = runCheck(objects, p, now);
  return { rules: r.rules, findings: r.findings, errors: [...errors, ...r.errors], objects: objects.length };
}

async function pipeline(
  entries: readonly SourceEntry[],
  p: CheckPlan,
  runners: number,
  chars: number,
): Promise<SourcesCheckResult> {
  const sources = entries.flatMap((e) => (e.source ? [e.source] : []));
  const namespaces = namespacesIn(sources);
  const rs: ChunkRunner[] = Array.from({ length: runners }, () => localRunner(p, namespaces, now));
  return runSources(rs, entries, p, namespaces, now, chars);
}

const missing: SourceEntry = {
  error: diagnostic(
    Codes.checkNotFound,
    "no such file or directory: gone.yaml",
    { file: "gone.yaml" },
    "check the path",
  ),
};

describe("check pipeline (sources → runners → merged findings)", () => {
  it("gives the in-memory check's result whatever the files, runners and chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(ids, { maxLength: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.boolean(),
        async (broken, files, runners, chars, exceptedNamespaceLast) => {
          const objects = compliantObjects();
          for (const id of broken) {
            const b = breakers[id];
            if (b) b.apply(byKind(objects, b.kind), objects);
          }
          // A Namespace that exempts everything in it, possibly defined after the objects it covers.
          const ns: KubeObject = {
            apiVersion: "v1",
            kind: "Namespace",
            metadata: {
              name: String(objects.find((o) => o.kind === "Deployment")?.metadata?.namespace ?? "shop"),
              annotations: { "bespoke.dev/exception.img-no-latest": "reason=test" },
            },
          };
          const all = exceptedNamespaceLast ? [...objects, ns] : [ns, ...objects];
          const texts: string[] = Array.from({ length: files }, () => "");
          all.forEach((o, i) => (texts[i % files] += `---\n${stringify(o)}`));
          const entries: SourceEntry[] = texts.map((text, i) => ({ source: { name: `f${i}.yaml`, text } }));
          entries.splice(1, 0, missing, { source: { name: "broken.yaml", text: "a: [\n" } });
          const expected = reference(entries, plan);
          expect(expected.findings.length).toBeGreaterThanOrEqual(broken.length > 0 ? 1 : 0);
          expect(await pipeline(entries, plan, runners, chars)).toStrictEqual(expected);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("gives the in-memory check's result on the Argo CD example apps (Helm templates included)", async () => {
    const corpus = fileURLToPath(new URL("../../../shared/corpus/argocd-example-apps", import.meta.url));
    const { entries } = await readSources([corpus], { kustomize: false, readStdin: async () => "" });
    const expected = reference(entries, plan);
    expect(expected.objects).toBeGreaterThan(20);
    expect(expected.errors.length).toBeGreaterThan(0);
    expect(await pipeline(entries, plan, 2, 4096)).toStrictEqual(expected);
  });

  it("chunks keep every source once, in order, within the size unless a source alone exceeds it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 60 }),
        (texts, chars) => {
          const sources = texts.map((text, i) => ({ name: `s${i}`, text }));
          const chunks = chunksOf(sources, chars);
          expect(chunks.flat()).toEqual(sources);
          for (const c of chunks) {
            expect(c.length).toBeGreaterThan(0);
            if (c.length > 1) expect(c.reduce((n, s) => n + s.text.length, 0)).toBeLessThanOrEqual(chars);
          }
        },
      ),
    );
  });

  it("never takes a text with a Namespace for one without (whatever the YAML or JSON style)", () => {
    const styles = ["PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...styles),
        fc.boolean(),
        fc.string({ maxLength: 20 }),
        (style, json, name) => {
          const ns = { apiVersion: "v1", kind: "Namespace", metadata: { name } };
          const text = json
            ? JSON.stringify(ns)
            : stringify(ns, { defaultStringType: style, defaultKeyType: "PLAIN" });
          expect(parseManifests(text, "ns.yaml").objects.map((o) => o.object.kind)).toEqual(["Namespace"]);
          expect(mayHoldNamespace(text)).toBe(true);
        },
      ),
    );
    expect(mayHoldNamespace('kind: "Name\\\n  space"')).toBe(true);
    expect(mayHoldNamespace("kind: Deployment\nmetadata: {namespace: x}\n")).toBe(false);
  });

  it("uses workers only for large inputs on several cores, or when asked, never more than cores or chunks", () => {
    const large = 100 * 1024 * 1024;
    expect(workersFor(large, undefined, 8)).toBe(8);
    expect(workersFor(large, undefined, 1)).toBe(0);
    expect(workersFor(10_000_000, undefined, 8)).toBe(0);
    expect(workersFor(large, 1, 8)).toBe(0);
    expect(workersFor(large, 8, 1)).toBe(0);
    expect(workersFor(large, 8, 2)).toBe(2);
    expect(workersFor(large, 3, 8)).toBe(3);
    expect(workersFor(10_000, 8, 8)).toBe(1);
    expect(workersFor(600 * 1024, 8, 8)).toBe(3);
    expect(requestedThreads({})).toBeUndefined();
    expect(requestedThreads({ BESPOKE_CHECK_THREADS: "2" })).toBe(2);
  });
});

describe("check on worker threads (built CLI)", () => {
  it("prints the same report with threads as without", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), "bespoke-check-threads-"));
    try {
      const objects = compliantObjects();
      const doc = objects.map((o) => stringify(o)).join("---\n");
      // Several chunks of text, so both workers (asked for below) check some, with a few mistakes to report.
      for (let f = 0; f < 12; f++) {
        const text = Array.from({ length: 40 }, (_, i) =>
          doc
            .replaceAll(
              "registry.example.com/shop/web:1.4.2",
              `registry.example.com/shop/web:${i % 7 === 0 ? "latest" : "1.4.2"}`,
            )
            .replaceAll(/name: (\S+)/g, `name: $1-${f}-${i}`),
        ).join("---\n");
        writeFileSync(join(dir, `m${f}.yaml`), text);
      }
      const run = (threads: string) =>
        spawnSync(
          process.execPath,
          [join(root, "bin/bespoke.js"), "check", dir, "--output", "json", "--now", "2026-11-25"],
          {
            encoding: "utf8",
            env: { ...process.env, BESPOKE_CHECK_THREADS: threads },
            maxBuffer: 1 << 28,
          },
        );
      const one = run("1");
      const two = run("2");
      expect(one.stderr).toBe("");
      expect(one.status).toBe(1);
      expect(JSON.parse(one.stdout).findings.length).toBeGreaterThan(100);
      expect(two.stdout).toBe(one.stdout);
      expect(two.status).toBe(one.status);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
