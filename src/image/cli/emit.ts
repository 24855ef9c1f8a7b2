import type { CliContext } from "../../cli/context.js";
import { ExitCode } from "../../core/exit-codes.js";
import { atOrAbove, writeReport, type Report } from "../../report/index.js";

/** Prints a report in the asked format and maps it to the shared exit codes. */
export function emitReport(
  ctx: CliContext,
  report: Report,
  format: "text" | "json" | "sarif" | "junit",
  failOn: "error" | "warning" | "info" | "none",
  extraText = "",
): number {
  if (extraText) ctx.stdout(extraText);
  writeReport(report, format, ctx.style, ctx.stdout);
  if (report.errors.length > 0) return ExitCode.badInput;
  if (failOn !== "none" && atOrAbove(report.findings, failOn)) return ExitCode.findings;
  return ExitCode.ok;
}
