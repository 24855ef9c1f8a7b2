/**
 * One finding model for every checker (manifests, Dockerfiles, images), so the reporters,
 * `--fail-on` and exit codes behave the same everywhere.
 */
export type Severity = "error" | "warning" | "info";

export const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface RuleMeta {
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule asks for. */
  readonly title: string;
  /** Why it matters, for a reviewer. */
  readonly why: string;
  /** How to fix it. */
  readonly fix: string;
  readonly helpUri?: string;
  /** e.g. "vap", "offline-only", "pss", "dockerfile", "image". */
  readonly tags?: readonly string[];
}

export interface FindingObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly container?: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Path as given by the user (or an image/layer path for image inspect). */
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
  readonly object?: FindingObject;
}

/** Stable order for output: file, line, col, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.col ?? 0) - (b.col ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.object?.container ?? "", b.object?.container ?? "") ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function atOrAbove(findings: readonly Finding[], failOn: Severity): boolean {
  return findings.some((f) => severityRank[f.severity] >= severityRank[failOn]);
}
