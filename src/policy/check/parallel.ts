/**
 * `bespoke check` across threads (docs/adr/0061-check-workers.md). The main thread loads the files
 * and keeps the objects (positions need their text, offline rules need all of them); worker threads
 * compile the policies once and run the per-object rules on chunks of objects, returning raw
 * findings that the main thread places. Chunks are merged in input order, so the result is exactly
 * runCheck's. Small inputs, and runs from TypeScript sources (no compiled worker), stay in-process.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Finding } from "../../report/finding.js";
import { compareFindings } from "../../report/finding.js";
import type { Diagnostic } from "../../core/diagnostics.js";
import type { LoadedObject } from "../load/parse.js";
import type { KubeObject } from "../vap/types.js";
import {
  namespaceObjectFor,
  namespacesOf,
  objectFindings,
  offlineFindings,
  placeFindings,
  planCheck,
  runCheck,
  type CheckOptions,
  type CheckPlan,
  type CheckResult,
  type RawFinding,
} from "./check.js";

export interface ChunkRequest {
  readonly id: number;
  readonly items: readonly { readonly object: KubeObject; readonly namespaceObject: KubeObject | null }[];
}
export interface ChunkResult {
  readonly id: number;
  readonly raw: readonly (readonly RawFinding[])[];
}

/** Evaluates chunks somewhere: a worker thread, or (in tests) the calling thread. */
export interface ChunkRunner {
  /** Compile errors of the runner's plan, once it has compiled the policies. */
  readonly ready: Promise<readonly Diagnostic[]>;
  run(req: ChunkRequest): Promise<ChunkResult>;
  close(): Promise<void>;
}

/** Objects per message: big enough to amortise the copy, small enough to balance the threads. */
export const chunkSize = 256;
/** Below this many objects, starting threads costs more than it saves. */
export const minObjectsForWorkers = 1500;

/**
 * Each worker is a V8 isolate with its own heap; left alone, each grows as if it had the machine to
 * itself. Evaluation garbage is short-lived, so a small young generation costs little time.
 */
const workerLimits = { maxYoungGenerationSizeMb: 8 };

const workerUrl = new URL("./worker.js", import.meta.url);

/** Worker threads are possible: compiled JavaScript next to this module (not the TS sources). */
export function workersAvailable(): boolean {
  return workerUrl.protocol === "file:" && existsSync(fileURLToPath(workerUrl));
}

class WorkerRunner implements ChunkRunner {
  readonly ready: Promise<readonly Diagnostic[]>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, (r: ChunkResult) => void>();
  private failure: Error | undefined;
  private fail: (e: Error) => void = () => undefined;

  constructor(options: CheckOptions) {
    this.worker = new Worker(workerUrl, { workerData: { options }, resourceLimits: workerLimits });
    this.ready = new Promise((resolve, reject) => {
      this.fail = (e) => {
        this.failure = e;
        reject(e);
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

  run(req: ChunkRequest): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, resolve);
      this.ready.catch(reject);
      this.worker.postMessage(req);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}

/**
 * How many threads a check of this many objects should use (1 = in-process only). Off unless
 * BESPOKE_CHECK_THREADS asks for more: on the 2-core bench machine the workers cost 35% more CPU
 * and 160 MiB more RSS than they saved (ADR 0061), so they are for machines with cores to spare.
 */
export function threadsFor(
  objects: number,
  wanted = Number(process.env.BESPOKE_CHECK_THREADS ?? "1"),
): number {
  if (!(wanted > 1) || objects < minObjectsForWorkers || !workersAvailable()) return 1;
  return Math.max(1, Math.min(Math.floor(wanted), availableParallelism(), Math.ceil(objects / chunkSize)));
}

/** Starts worker threads; they compile the policies while the caller does the same. */
export function startWorkers(options: CheckOptions, count: number): ChunkRunner[] {
  return Array.from({ length: count }, () => new WorkerRunner(options));
}

/** Runs chunks on the calling thread, yielding between chunks so worker replies are handled. */
export function localRunner(plan: CheckPlan, now: string): ChunkRunner {
  return {
    ready: Promise.resolve(plan.compileErrors),
    run: (req) =>
      new Promise((resolve) =>
        setImmediate(() =>
          resolve({
            id: req.id,
            raw: req.items.map((it) => objectFindings(plan, it.object, it.namespaceObject, now)),
          }),
        ),
      ),
    close: async () => undefined,
  };
}

/**
 * runCheck with the per-object rules spread over the runners, chunk by chunk; findings are placed
 * on the main thread (it has the text) and merged in input order, so the result is runCheck's.
 */
export async function runCheckOn(
  runners: readonly ChunkRunner[],
  objects: readonly LoadedObject[],
  plan: CheckPlan,
  now: string,
): Promise<CheckResult> {
  const namespaces = namespacesOf(objects.map((lo) => lo.object));
  const chunks = Math.ceil(objects.length / chunkSize);
  const placed: Finding[][] = new Array<Finding[]>(chunks);
  let next = 0;
  const pump = async (runner: ChunkRunner): Promise<void> => {
    while (next < chunks) {
      const id = next++;
      const slice = objects.slice(id * chunkSize, (id + 1) * chunkSize);
      const result = await runner.run({
        id,
        items: slice.map((lo) => ({
          object: lo.object,
          namespaceObject: namespaceObjectFor(lo.object, namespaces),
        })),
      });
      const out: Finding[] = [];
      slice.forEach((lo, i) => placeFindings(plan, lo, result.raw[i] ?? [], out));
      placed[id] = out;
    }
  };
  await Promise.all(runners.map(pump));
  const findings = placed.flat();
  offlineFindings(objects, plan, namespaces, now, findings);
  return { rules: plan.rules, findings: findings.sort(compareFindings), errors: plan.errors };
}

/**
 * checkObjects, with availableParallelism() - 1 worker threads beside the main thread when the
 * input is large enough: one isolate fewer than a worker per core, and the main thread, which
 * must stay alive anyway, does its share.
 */
export async function checkObjectsParallel(
  objects: readonly LoadedObject[],
  options: CheckOptions,
): Promise<CheckResult> {
  const threads = threadsFor(objects.length);
  const workers = threads > 1 ? startWorkers(options, threads - 1) : [];
  const plan = planCheck(options);
  if (workers.length === 0) return runCheck(objects, plan, options.now);
  try {
    return await runCheckOn([...workers, localRunner(plan, options.now)], objects, plan, options.now);
  } finally {
    await Promise.all(workers.map((r) => r.close()));
  }
}
