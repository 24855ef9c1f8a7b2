/** PSS over any workload object: the pod template of a Deployment is checked like a Pod. */
import { podSpecsOf } from "../workloads/pod-specs.js";
import { evaluatePodSecurity } from "./evaluate.js";
import type { PssOptions, Violation } from "./evaluate.js";

export interface WorkloadViolation extends Violation {
  /** Field path from the root of the workload object. */
  readonly path: string[];
}

export function evaluateWorkload(object: unknown, options: PssOptions): WorkloadViolation[] {
  return podSpecsOf(object).flatMap(({ podSpec, podMetadata, path }) =>
    evaluatePodSecurity({ metadata: podMetadata, spec: podSpec }, options).map((v) => ({
      ...v,
      path: [...path, ...(v.path ?? [])],
    })),
  );
}
