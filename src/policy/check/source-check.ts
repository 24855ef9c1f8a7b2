/**
 * One input's text through every per-object rule: parse, evaluate, place. Pure and self-contained,
 * so a worker thread can run it on its share of the inputs and send back only findings and the
 * small views the offline-only rules need (docs/adr/0062-check-streams-sources.md).
 */
import type { Diagnostic } from "../../core/diagnostics.js";
import type { Finding } from "../../report/finding.js";
import type { Source } from "../load/files.js";
import { parseManifests } from "../load/parse.js";
import { offlineView } from "../offline/view.js";
import type { KubeObject } from "../vap/types.js";
import { namespaceObjectFor, objectFindings, placeFindings, type CheckPlan } from "./check.js";

/** An object as the offline-only rules see it, and where it came from. */
export interface OfflineEntry {
  readonly view: KubeObject;
  readonly line: number;
  readonly col: number;
  /** Its position among the objects parsed from its source. */
  readonly ordinal: number;
}

export interface SourceOutcome {
  readonly objects: number;
  readonly errors: Diagnostic[];
  readonly findings: Finding[];
  readonly offline: OfflineEntry[];
}

export function checkSource(
  plan: CheckPlan,
  source: Source,
  namespaces: ReadonlyMap<string, KubeObject>,
  now: string,
): SourceOutcome {
  const parsed = parseManifests(source.text, source.name);
  const findings: Finding[] = [];
  const offline: OfflineEntry[] = [];
  parsed.objects.forEach((lo, ordinal) => {
    const raw = objectFindings(plan, lo.object, namespaceObjectFor(lo.object, namespaces), now);
    placeFindings(plan, lo, raw, findings);
    if (plan.offline.length > 0)
      offline.push({ view: offlineView(lo.object), line: lo.line, col: lo.col, ordinal });
  });
  return { objects: parsed.objects.length, errors: parsed.errors, findings, offline };
}

/**
 * Whether a text may hold a Namespace object. Conservative (false positives cost one early parse):
 * the kind is spelled out somewhere, unless an escape in a quoted scalar spells it.
 */
export function mayHoldNamespace(text: string): boolean {
  return text.includes("Namespace") || text.includes("\\");
}
