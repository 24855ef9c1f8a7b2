import type { Diagnostic } from "../core/diagnostics.js";
import type { Finding, RuleMeta } from "./finding.js";

/** Everything a reporter needs; checkers fill it, reporters only format it. */
export interface Report {
  readonly tool: { readonly name: string; readonly version: string };
  /** Name of the run, e.g. "check" or "image lint"; used by JUnit/SARIF. */
  readonly run: string;
  readonly rules: readonly RuleMeta[];
  readonly findings: readonly Finding[];
  /** Inputs that could not be read or parsed; they make the exit code 2. */
  readonly errors: readonly Diagnostic[];
  /** Every input looked at, so JUnit can show passing files too. */
  readonly inputs: readonly string[];
}
