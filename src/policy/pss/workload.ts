/** PSS over any workload object: the pod template of a Deployment is checked like a Pod. */
import { podSpecsOf } from "../workloads/pod-specs.js";
import { collectViolations } from "./evaluate.js";
import type { PssOptions, Violation } from "./evaluate.js";

export interface WorkloadViolation extends Violation {
  /** Field path from the root of the workload object. */
  readonly path: string[];
}

export function evaluateWorkload(object: unknown, options: PssOptions): WorkloadViolation[] {
  const out: Violation[] = [];
  for (const { podSpec, podMetadata, path } of podSpecsOf(object)) {
    collectViolations({ metadata: podMetadata, spec: podSpec }, options, path, out);
  }
  // collectViolations always sets a path (the prefix and the offender's).
  return out as WorkloadViolation[];
}
