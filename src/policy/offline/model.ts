/**
 * Offline-only rules: facts that span several objects, which admission (one object at a time)
 * cannot see. They run in `bespoke check` only and are tagged "offline-only" in every report.
 */
import type { RuleMeta } from "../../report/finding.js";
import type { KubeObject } from "../vap/types.js";

export interface OfflineObject {
  /** Index into the checked objects, so findings point back at file and line. */
  readonly index: number;
  readonly object: KubeObject;
}

export interface OfflineFinding {
  readonly index: number;
  readonly message: string;
  /** Field inside the object the finding is about, when more precise than the object. */
  readonly path?: readonly (string | number)[];
}

export interface OfflineRule {
  readonly meta: RuleMeta;
  check(objects: readonly OfflineObject[]): OfflineFinding[];
}

export type Labels = Readonly<Record<string, string>>;
