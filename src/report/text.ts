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

export function renderText(report: Report, style: Style): string {
  const sev = (s: Severity): string =>
    s === "error" ? style.red(s) : s === "warning" ? style.yellow(s) : style.blue(s);
  const lines: string[] = [];
  for (const e of report.errors) lines.push(formatDiagnostic(e));
  for (const f of report.findings) {
    lines.push(`${where(f)}: ${sev(f.severity)} ${style.bold(f.ruleId)}${objectLabel(f)} ${f.message}`);
  }
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  lines.push(
    `${report.inputs.length} input(s), ${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} info, ${report.errors.length} unreadable`,
  );
  return lines.join("\n") + "\n";
}
