/**
 * `bespoke check` over input texts, on one thread or several (docs/adr/0062-check-streams-sources.md).
 *
 * The main thread reads every input (fast: IO only) and parses just the texts that may hold a
 * Namespace, because every object's namespaceObject must be known before its rules run. Then the
 * inputs go out in chunks to runners (the calling thread, or worker threads for large inputs),
 * each of which parses its texts, runs the per-object rules, places the findings and returns them
 * with small views of the objects for the offline-only rules; nothing else of an object outlives
 * its source.
 * Chunks are merged in input order, so the result is the same as the in-memory `runCheck`'s on
 * the same inputs (test/unit/check-pipeline.test.ts), whatever the number of runners.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../../core/diagnostics.js";
import { compareFindings, type Finding, type RuleMeta } from "../../report/finding.js";
import { readSources, type LoadOptions, type Source, type SourceEntry } from "../load/files.js";
import { parseManifests, type LoadedObject } from "../load/parse.js";
import type { KubeObject } from "../vap/types.js";
import { namespacesOf, offlineFindings, planCheck, type CheckOptions, type CheckPlan } from "./check.js";
import { arraySink, Interner, unpackFindings } from "./finding-table.js";
import { checkChunkHere, mayHoldNamespace, type ChunkOutcome, type SourceOutcome } from "./source-check.js";

export interface ChunkRequest {
  readonly id: number;
  readonly sources: readonly Source[];
}
export interface ChunkResult extends ChunkOutcome {
  readonly id: number;
}

/** Checks chunks of sources somewhere: a worker thread, or the calling thread. */
export interface ChunkRunner {
  /** Compile errors of the runner's plan, once it has compiled the policies. */
  readonly ready: Promise<readonly Diagnostic[]>;
  /**
   * Chunks to keep in flight. A worker gets its next chunk before it replies, so it never idles
   * while its reply and the next request cross.
   */
  readonly depth: number;
  run(req: ChunkRequest): Promise<ChunkResult>;
  close(): Promise<void>;
}

export interface SourcesCheckResult {
  readonly rules: readonly RuleMeta[];
  readonly findings: readonly Finding[];
  /** Parse errors of the sources in input order, then problems with the options or the policies. */
  readonly errors: readonly Diagnostic[];
  /** Objects checked. */
  readonly objects: number;
}

/** Text per chunk: big enough to amortise a message, small enough to keep both threads busy. */
export const chunkChars = 256 * 1024;
/**
 * Below this much text (~25,000 objects), threads cost more than they save on the 2-core bench
 * machine: each isolate pays ~0.7 s of CPU to start (modules, policy compile, JIT warm-up), and two
 * busy isolates run ~1.3x slower each (docs/adr/0062-check-streams-sources.md).
 */
export const minCharsForWorkers = 16 * 1024 * 1024;

/** Namespaces defined by the inputs, by name; the last of a name wins, as in namespacesOf. */
export function namespacesIn(sources: readonly Source[]): Map<string, KubeObject> {
  const objects: KubeObject[] = [];
  for (const s of sources) {
    if (!mayHoldNamespace(s.text)) continue;
    for (const lo of parseManifests(s.text, s.name).objects) objects.push(lo.object);
  }
  return namespacesOf(objects);
}

/** Consecutive sources grouped up to `chars` characters (a longer source is a chunk of its own). */
export function chunksOf(sources: readonly Source[], chars = chunkChars): Source[][] {
  const chunks: Source[][] = [];
  let current: Source[] = [];
  let size = 0;
  for (const s of sources) {
    if (current.length > 0 && size + s.text.length > chars) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += s.text.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Runs chunks on the calling thread, yielding between chunks so worker replies are handled. */
export function localRunner(
  plan: CheckPlan,
  namespaces: ReadonlyMap<string, KubeObject>,
  now: string,
): ChunkRunner {
  const interner = new Interner();
  return {
    ready: Promise.resolve(plan.compileErrors),
    depth: 1,
    run: (req) =>
      new Promise((resolve) =>
        setImmediate(() =>
          resolve({ id: req.id, ...checkChunkHere(plan, req.sources, namespaces, now, interner) }),
        ),
      ),
    close: async () => undefined,
  };
}

/**
 * The check of `entries` on these runners: per-object findings from the chunks in input order,
 * then the offline-only rules over the views, placed with a re-parse of only the texts whose
 * findings point at a field.
 */
export async function runSources(
  runners: readonly ChunkRunner[],
  entries: readonly SourceEntry[],
  plan: CheckPlan,
  namespaces: ReadonlyMap<string, KubeObject>,
  now: string,
  chars = chunkChars,
  /** Called once every chunk is back, before the findings are unpacked (to free the workers first). */
  checked: () => Promise<void> = async () => undefined,
): Promise<SourcesCheckResult> {
  const sources = entries.flatMap((e) => (e.source ? [e.source] : []));
  const chunks = chunksOf(sources, chars);
  const results: ChunkResult[] = new Array<ChunkResult>(chunks.length);
  let next = 0;
  const pump = async (runner: ChunkRunner): Promise<void> => {
    while (next < chunks.length) {
      const id = next++;
      results[id] = await runner.run({ id, sources: chunks[id] ?? [] });
    }
  };
  await Promise.all(runners.flatMap((r) => Array.from({ length: r.depth }, () => pump(r))));
  await checked();

  const findings: Finding[] = [];
  const interner = new Interner();
  const bySource = new Map<Source, SourceOutcome>();
  chunks.forEach((chunk, i) => {
    const r = results[i] as ChunkResult;
    if ("rows" in r.findings) unpackFindings(r.findings, interner, findings);
    else for (const f of r.findings) findings.push(f);
    chunk.forEach((s, j) => bySource.set(s, r.sources[j] as SourceOutcome));
  });
  const errors: Diagnostic[] = [];
  const views: LoadedObject[] = [];
  let objects = 0;
  for (const e of entries) {
    if (e.error) {
      errors.push(e.error);
      continue;
    }
    const o = bySource.get(e.source) as SourceOutcome;
    objects += o.objects;
    errors.push(...o.errors);
    const reparsed = lazyObjects(e.source);
    for (const v of o.offline) {
      views.push({
        file: e.source.name,
        line: v.line,
        col: v.col,
        object: v.view,
        locate: (path) => reparsed()[v.ordinal]?.locate(path),
      });
    }
  }
  offlineFindings(views, plan, namespaces, now, arraySink(findings));
  return {
    rules: plan.rules,
    findings: findings.sort(compareFindings),
    errors: [...errors, ...plan.errors],
    objects,
  };
}

function lazyObjects(source: Source): () => readonly LoadedObject[] {
  let objects: readonly LoadedObject[] | undefined;
  return () => (objects ??= parseManifests(source.text, source.name).objects);
}

// ---- threads

/**
 * Each worker is a V8 isolate with its own heap. Left alone, V8 grows a young generation of up to
 * 128 MiB per isolate for this allocation-heavy work, most of a check's RSS; 16 MiB semi-spaces
 * cost no measurable time (bench/check, docs/adr/0062-check-streams-sources.md).
 */
export const workerLimits = { maxYoungGenerationSizeMb: 48 };
const workerUrl = new URL("./worker.js", import.meta.url);

/** Worker threads are possible: compiled JavaScript next to this module (not the TS sources). */
export function workersAvailable(): boolean {
  return workerUrl.protocol === "file:" && existsSync(fileURLToPath(workerUrl));
}

/** BESPOKE_CHECK_THREADS as a number, when set. */
export function requestedThreads(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = env.BESPOKE_CHECK_THREADS;
  return v === undefined || v === "" ? undefined : Number(v);
}

/**
 * Worker threads for a check of this much text. Unasked (`requested` undefined), one per core when
 * the machine has several and the input is large enough to repay their start, else none (the
 * calling thread checks). Asked for N ≥ 2, N (at most one per core and one per chunk); asked for 1,
 * none.
 */
export function workersFor(chars: number, requested?: number, cores = availableParallelism()): number {
  const chunks = Math.max(1, Math.ceil(chars / chunkChars));
  if (requested === undefined) return cores >= 2 && chars >= minCharsForWorkers ? Math.min(cores, chunks) : 0;
  if (!(requested >= 2) || cores < 2) return 0;
  return Math.min(Math.floor(requested), cores, chunks);
}

/** The message that gives a worker the input's Namespaces, before any chunk. */
export interface NamespacesMessage {
  readonly namespaces: readonly KubeObject[];
}

class WorkerRunner implements ChunkRunner {
  readonly ready: Promise<readonly Diagnostic[]>;
  readonly depth = 2;
  private readonly worker: Worker;
  private readonly pending = new Map<number, (r: ChunkResult | Error) => void>();
  private failure: Error | undefined;
  private fail: (e: Error) => void = () => undefined;

  constructor(options: CheckOptions) {
    this.worker = new Worker(workerUrl, { workerData: { options }, resourceLimits: workerLimits });
    this.ready = new Promise((resolve, reject) => {
      this.fail = (e) => {
        this.failure = e;
        reject(e);
        for (const settle of this.pending.values()) settle(e);
        this.pending.clear();
      };
      this.worker.on("message", (m: { ready: readonly Diagnostic[] } | ChunkResult) => {
        if ("ready" in m) resolve(m.ready);
        else {
          this.pending.get(m.id)?.(m);
          this.pending.delete(m.id);
        }
      });
    });
    this.ready.catch(() => undefined);
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) => {
      if (this.pending.size > 0 || code !== 0) this.fail(new Error(`check worker exited with code ${code}`));
    });
  }

  setNamespaces(namespaces: readonly KubeObject[]): void {
    const m: NamespacesMessage = { namespaces };
    this.worker.postMessage(m);
  }

  run(req: ChunkRequest): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, (r) => (r instanceof Error ? reject(r) : resolve(r)));
      this.worker.postMessage(req);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}

/** Worker threads started before the input is read, so they compile while it is. */
export interface WorkerPool {
  readonly workers: readonly ChunkRunner[];
  close(): Promise<void>;
}

export function startWorkers(options: CheckOptions, count: number): WorkerPool {
  const workers = Array.from({ length: count }, () => new WorkerRunner(options));
  return { workers, close: () => Promise.all(workers.map((w) => w.close())).then(() => undefined) };
}

/**
 * The check of what `readSources` gave. Small inputs (or one core) are checked on the calling
 * thread. Large ones go to one worker per core (from `pool` when given: started while the input
 * was read), which compile the policies while this thread finds the Namespaces; this thread then
 * only hands out chunks and merges, so its heap holds little more than the texts and findings.
 */
export async function checkSources(
  entries: readonly SourceEntry[],
  options: CheckOptions,
  threads?: number,
  pool?: WorkerPool,
): Promise<SourcesCheckResult> {
  const sources = entries.flatMap((e) => (e.source ? [e.source] : []));
  const chars = sources.reduce((n, s) => n + s.text.length, 0);
  const count = workersAvailable() ? workersFor(chars, threads ?? requestedThreads()) : 0;
  if (count === 0) {
    void pool?.close();
    const namespaces = namespacesIn(sources);
    const plan = planCheck(options);
    return runSources([localRunner(plan, namespaces, options.now)], entries, plan, namespaces, options.now);
  }
  const own = pool && pool.workers.length >= count ? pool : startWorkers(options, count);
  if (own !== pool) void pool?.close();
  const workers = own.workers.slice(0, count) as WorkerRunner[];
  try {
    const namespaces = namespacesIn(sources);
    for (const w of workers) w.setNamespaces([...namespaces.values()]);
    // This thread needs the rules, not their CEL: the workers compile it (and say if it fails).
    const plan = planCheck(options, false);
    const compileErrors = await (workers[0] as WorkerRunner).ready;
    const withErrors: CheckPlan = { ...plan, compileErrors, errors: [...plan.errors, ...compileErrors] };
    return await runSources(workers, entries, withErrors, namespaces, options.now, chunkChars, own.close);
  } finally {
    await own.close();
  }
}

/**
 * Reads the inputs and checks them: what `bespoke check` does between its flags and its report.
 * When threads are asked for (argument or BESPOKE_CHECK_THREADS), the workers start before
 * reading, so their start-up (modules, policy compile) overlaps it; a small input then sends them
 * away unused. Unasked, workers start only once the input is known to be large.
 */
export async function checkInputs(
  paths: readonly string[],
  load: LoadOptions,
  options: CheckOptions,
  threads?: number,
): Promise<SourcesCheckResult & { readonly inputs: readonly string[] }> {
  const asked = threads ?? requestedThreads();
  const speculative =
    workersAvailable() && asked !== undefined ? workersFor(Number.POSITIVE_INFINITY, asked) : 0;
  const pool = speculative > 0 ? startWorkers(options, speculative) : undefined;
  try {
    const read = await readSources(paths, load);
    return { ...(await checkSources(read.entries, options, threads, pool)), inputs: read.inputs };
  } finally {
    await pool?.close();
  }
}
