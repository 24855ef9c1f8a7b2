import { formatDiagnostic } from "../core/diagnostics.js";
import type { Finding, Severity } from "./finding.js";
import type { Report } from "./report.js";
import type { Style } from "../cli/style.js";

function where(f: Finding): string {
  let s = f.file;
  if (f.line !== undefined) s += `:${f.line}`;
  if (f.line !== undefined && f.col !== undefined) s += `:${f.col}`;
  return s;
}

function objectLabel(f: Finding): string {
  const o = f.object;
  if (!o || (!o.kind && !o.name)) return "";
  const ns = o.namespace ? `${o.namespace}/` : "";
  const c = o.container ? ` container ${o.container}` : "";
  return ` [${o.kind ?? "?"} ${ns}${o.name ?? "?"}${c}]`;
}

export function* textParts(report: Report, style: Style): Generator<string> {
  const sev = (s: Severity): string =>
    s === "error" ? style.red(s) : s === "warning" ? style.yellow(s) : style.blue(s);
  for (const e of report.errors) yield formatDiagnostic(e) + "\n";
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) {
    counts[f.severity]++;
    yield `${where(f)}: ${sev(f.severity)} ${style.bold(f.ruleId)}${objectLabel(f)} ${f.message}\n`;
  }
  yield `${report.inputs.length} input(s), ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info, ${report.errors.length} unreadable\n`;
}

export function renderText(report: Report, style: Style): string {
  return [...textParts(report, style)].join("");
}
