import type { Report } from "./report.js";
import type { Finding } from "./finding.js";

function esc(s: string): string {
  return (
    s
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;")
      .replaceAll('"', "&quot;")
      .replaceAll("'", "&apos;")
      // XML 1.0 forbids most control characters even when escaped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
  );
}

/** JUnit XML: one testsuite per input, one failing testcase per finding, one passing case for a clean input. */
export function renderJunit(report: Report): string {
  const byFile = new Map<string, Finding[]>();
  for (const input of report.inputs) byFile.set(input, []);
  for (const f of report.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const errByFile = new Map<string, string[]>();
  for (const e of report.errors) {
    const file = e.location?.file ?? "(input)";
    if (!byFile.has(file)) byFile.set(file, []);
    errByFile.set(file, [...(errByFile.get(file) ?? []), `${e.code}: ${e.message}`]);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const [file, findings] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const cases: string[] = [];
    for (const f of findings) {
      const name = `${f.ruleId}${f.line !== undefined ? ` line ${f.line}` : ""}${f.object?.name ? ` ${f.object.kind ?? ""}/${f.object.name}` : ""}${f.object?.container ? ` container ${f.object.container}` : ""}`;
      cases.push(
        `    <testcase classname="${esc(file)}" name="${esc(name)}"><failure type="${esc(f.severity)}" message="${esc(f.message)}">${esc(`${f.file}:${f.line ?? ""} ${f.message}`)}</failure></testcase>`,
      );
    }
    const errs = errByFile.get(file) ?? [];
    for (const m of errs) {
      cases.push(
        `    <testcase classname="${esc(file)}" name="read"><error message="${esc(m)}"/></testcase>`,
      );
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${esc(file)}" name="${esc(report.run)}"/>`);
    tests += cases.length;
    failures += findings.length;
    errors += errs.length;
    suites.push(
      `  <testsuite name="${esc(file)}" tests="${cases.length}" failures="${findings.length}" errors="${errs.length}">\n${cases.join("\n")}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${esc(`${report.tool.name} ${report.run}`)}" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join("\n")}\n</testsuites>\n`;
}
