import type { CliContext } from "../../cli/context.js";
import { ExitCode } from "../../core/exit-codes.js";
import { atOrAbove, renderReport, type Report } from "../../report/index.js";

/** Prints a report in the asked format and maps it to the shared exit codes. */
export function emitReport(
  ctx: CliContext,
  report: Report,
  format: "text" | "json" | "sarif" | "junit",
  failOn: "error" | "warning" | "info" | "none",
  extraText = "",
): number {
  ctx.stdout(extraText + renderReport(report, format, ctx.style));
  if (report.errors.length > 0) return ExitCode.badInput;
  if (failOn !== "none" && atOrAbove(report.findings, failOn)) return ExitCode.findings;
  return ExitCode.ok;
}
