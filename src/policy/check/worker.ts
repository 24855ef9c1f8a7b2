/** A check worker thread (see pipeline.ts): compiles the plan once, then checks chunks of sources. */
import { parentPort, workerData } from "node:worker_threads";
import type { KubeObject } from "../vap/types.js";
import { namespacesOf, planCheck, type CheckOptions } from "./check.js";
import type { ChunkRequest, ChunkResult } from "./pipeline.js";
import { checkChunk } from "./source-check.js";

const { options, namespaces: list } = workerData as { options: CheckOptions; namespaces: KubeObject[] };
const plan = planCheck(options);
const namespaces = namespacesOf(list);
const port = parentPort;
if (port) {
  port.postMessage({ ready: plan.compileErrors });
  port.on("message", (req: ChunkRequest) => {
    const result: ChunkResult = { id: req.id, ...checkChunk(plan, req.sources, namespaces, options.now) };
    // The findings table's numbers move to the main thread instead of being copied.
    port.postMessage(result, [result.findings.rows.buffer]);
  });
}
