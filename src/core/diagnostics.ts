/**
 * Errors are values: every problem with an input carries a stable code, a location and a hint,
 * and a loader collects all of them before it fails. The CLI turns them into exit code 2.
 */
export interface SourceLocation {
  readonly file: string;
  /** 1-based; absent when the problem is about the whole file. */
  readonly line?: number;
  /** 1-based. */
  readonly col?: number;
}

export interface Diagnostic {
  /** Stable code `BSPnnnn`; never reused for another meaning. */
  readonly code: string;
  readonly message: string;
  readonly location?: SourceLocation;
  /** What the user can do about it. */
  readonly hint?: string;
}

/** Thrown only at boundaries (loaders, CLI glue); the pure core returns diagnostics. */
export class BespokeInputError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "BespokeInputError";
    this.diagnostics = diagnostics;
  }
}

export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return "";
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.col !== undefined) s += `:${loc.col}`;
  return s;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d.location);
  const head = `${where ? where + ": " : ""}error ${d.code}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

export function diagnostic(
  code: string,
  message: string,
  location?: SourceLocation,
  hint?: string,
): Diagnostic {
  return {
    code,
    message,
    ...(location ? { location } : {}),
    ...(hint ? { hint } : {}),
  };
}
