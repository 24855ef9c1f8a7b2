/**
 * Input texts through every per-object rule: parse, evaluate, place. Pure and self-contained, so a
 * worker thread can run it on its share of the inputs and send back only a findings table and the
 * small views the offline-only rules need (docs/adr/0062-check-streams-sources.md).
 */
import type { Diagnostic } from "../../core/diagnostics.js";
import type { Source } from "../load/files.js";
import { parseManifests } from "../load/parse.js";
import { offlineView } from "../offline/view.js";
import type { KubeObject } from "../vap/types.js";
import { namespaceObjectFor, objectFindings, placeFindings, type CheckPlan } from "./check.js";
import type { Finding } from "../../report/finding.js";
import {
  FindingTableBuilder,
  internedArraySink,
  type FindingSink,
  type FindingTable,
  type Interner,
} from "./finding-table.js";

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
  readonly offline: OfflineEntry[];
}

export interface ChunkOutcome {
  /** One per source, in order. */
  readonly sources: SourceOutcome[];
  /**
   * The per-object findings of all of them, in source order: a table from a worker (cheap to
   * send), placed findings from the calling thread (nothing to send).
   */
  readonly findings: FindingTable | readonly Finding[];
}

export function checkSource(
  plan: CheckPlan,
  source: Source,
  namespaces: ReadonlyMap<string, KubeObject>,
  now: string,
  findings: FindingSink,
): SourceOutcome {
  const parsed = parseManifests(source.text, source.name, { keepParseState: true });
  const offline: OfflineEntry[] = [];
  parsed.objects.forEach((lo, ordinal) => {
    const raw = objectFindings(plan, lo.object, namespaceObjectFor(lo.object, namespaces), now);
    placeFindings(plan, lo, raw, findings);
    if (plan.offline.length > 0)
      offline.push({ view: offlineView(lo.object), line: lo.line, col: lo.col, ordinal });
  });
  return { objects: parsed.objects.length, errors: parsed.errors, offline };
}

/** A chunk on a worker: findings as a table. */
export function checkChunk(
  plan: CheckPlan,
  sources: readonly Source[],
  namespaces: ReadonlyMap<string, KubeObject>,
  now: string,
): ChunkOutcome & { readonly findings: FindingTable } {
  const findings = new FindingTableBuilder();
  const outcomes = sources.map((s) => checkSource(plan, s, namespaces, now, findings));
  return { sources: outcomes, findings: findings.build() };
}

/** A chunk on the calling thread: placed findings, messages shared through `interner`. */
export function checkChunkHere(
  plan: CheckPlan,
  sources: readonly Source[],
  namespaces: ReadonlyMap<string, KubeObject>,
  now: string,
  interner: Interner,
): ChunkOutcome {
  const findings: Finding[] = [];
  const sink = internedArraySink(findings, interner);
  const outcomes = sources.map((s) => checkSource(plan, s, namespaces, now, sink));
  return { sources: outcomes, findings };
}

/**
 * Whether a text may hold a Namespace object. Conservative (false positives cost one early parse):
 * the kind is spelled out somewhere, unless an escape in a quoted scalar spells it.
 */
export function mayHoldNamespace(text: string): boolean {
  return text.includes("Namespace") || text.includes("\\");
}
