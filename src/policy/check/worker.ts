/** A check worker thread (see parallel.ts): compiles the plan once, then evaluates chunks. */
import { parentPort, workerData } from "node:worker_threads";
import { objectFindings, planCheck, type CheckOptions } from "./check.js";
import type { ChunkRequest, ChunkResult } from "./parallel.js";

const { options } = workerData as { options: CheckOptions };
const plan = planCheck(options);
const port = parentPort;
if (port) {
  port.postMessage({ ready: plan.compileErrors });
  port.on("message", (req: ChunkRequest) => {
    const result: ChunkResult = {
      id: req.id,
      raw: req.items.map((it) => objectFindings(plan, it.object, it.namespaceObject, options.now)),
    };
    port.postMessage(result);
  });
}
