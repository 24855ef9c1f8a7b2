import type { Report } from "./report.js";
import type { Style } from "../cli/style.js";
import { renderText } from "./text.js";
import { renderJson } from "./json.js";
import { renderSarif } from "./sarif.js";
import { renderJunit } from "./junit.js";

export type ReportFormat = "text" | "json" | "sarif" | "junit";
export const reportFormats: readonly ReportFormat[] = ["text", "json", "sarif", "junit"];

export function renderReport(report: Report, format: ReportFormat, style: Style): string {
  switch (format) {
    case "text":
      return renderText(report, style);
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report);
    case "junit":
      return renderJunit(report);
  }
}
export type { Report } from "./report.js";
export * from "./finding.js";
