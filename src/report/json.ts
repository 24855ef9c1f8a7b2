import type { Report } from "./report.js";

export function renderJson(report: Report): string {
  return (
    JSON.stringify(
      {
        tool: report.tool,
        run: report.run,
        inputs: report.inputs,
        errors: report.errors,
        findings: report.findings,
      },
      null,
      2,
    ) + "\n"
  );
}
