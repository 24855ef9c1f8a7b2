/**
 * A check worker thread (see pipeline.ts): compiles the plan once, learns the input's Namespaces
 * (the first message), then checks chunks of sources.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { KubeObject } from "../vap/types.js";
import { namespacesOf, planCheck, type CheckOptions } from "./check.js";
import type { ChunkRequest, ChunkResult, NamespacesMessage } from "./pipeline.js";
import { checkChunk } from "./source-check.js";

const { options } = workerData as { options: CheckOptions };
const plan = planCheck(options);
let namespaces = new Map<string, KubeObject>();
const port = parentPort;
if (port) {
  port.postMessage({ ready: plan.compileErrors });
  port.on("message", (m: NamespacesMessage | ChunkRequest) => {
    if ("namespaces" in m) {
      namespaces = namespacesOf(m.namespaces);
      return;
    }
    const outcome = checkChunk(plan, m.sources, namespaces, options.now);
    const result: ChunkResult = { id: m.id, ...outcome };
    // The findings table's numbers move to the main thread instead of being copied.
    port.postMessage(result, [outcome.findings.rows.buffer]);
  });
}
