import type { Report } from "./report.js";
import type { Style } from "../cli/style.js";
import { textParts } from "./text.js";
import { jsonParts } from "./json.js";
import { sarifParts } from "./sarif.js";
import { junitParts } from "./junit.js";

export type ReportFormat = "text" | "json" | "sarif" | "junit";
export const reportFormats: readonly ReportFormat[] = ["text", "json", "sarif", "junit"];

/** The report in pieces, in order: write them one after another (see writeReport). */
export function reportParts(report: Report, format: ReportFormat, style: Style): Iterable<string> {
  switch (format) {
    case "text":
      return textParts(report, style);
    case "json":
      return jsonParts(report);
    case "sarif":
      return sarifParts(report);
    case "junit":
      return junitParts(report);
  }
}

export function renderReport(report: Report, format: ReportFormat, style: Style): string {
  return [...reportParts(report, format, style)].join("");
}

/**
 * Writes the report in batches of about `batch` characters, so a report of hundreds of thousands
 * of findings never exists as one string: memory for the output stays at one batch.
 */
export function writeReport(
  report: Report,
  format: ReportFormat,
  style: Style,
  write: (s: string) => void,
  batch = 1 << 16,
): void {
  let pending: string[] = [];
  let size = 0;
  for (const part of reportParts(report, format, style)) {
    pending.push(part);
    size += part.length;
    if (size >= batch) {
      write(pending.join(""));
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) write(pending.join(""));
}

export type { Report } from "./report.js";
export * from "./finding.js";
