/**
 * Exceptions for the rules that are not VAPs (PSS and offline-only rules), decided by the TS twin
 * of the CEL that VAP rules use, so all rules honour one annotation format.
 */
import { exceptionKey, isUnexpired, parseException } from "../exceptions/annotation.js";
import { podSpecsOf } from "../workloads/index.js";
import type { KubeObject } from "../vap/types.js";

export interface Exemption {
  readonly all: boolean;
  readonly containers: ReadonlySet<string>;
}

function annotation(meta: unknown, key: string): string | undefined {
  const a = (meta as { annotations?: Record<string, unknown> } | undefined)?.annotations;
  const v = a?.[key];
  return typeof v === "string" ? v : undefined;
}

export function exemptionFor(
  ruleId: string,
  object: KubeObject,
  namespace: KubeObject | undefined,
  nowIso: string,
): Exemption {
  const key = exceptionKey(ruleId);
  const values = [
    annotation(object.metadata, key) ??
      podSpecsOf(object)
        .map((p) => annotation(p.podMetadata, key))
        .find((v) => v !== undefined),
    namespace ? annotation(namespace.metadata, key) : undefined,
  ];
  let all = false;
  const containers = new Set<string>();
  for (const v of values) {
    if (v === undefined) continue;
    const p = parseException(v);
    if (typeof p === "string" || !isUnexpired(p, nowIso)) continue;
    if (p.containers === undefined) all = true;
    else for (const c of p.containers) containers.add(c);
  }
  return { all, containers };
}
