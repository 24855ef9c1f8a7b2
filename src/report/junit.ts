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
export function* junitParts(report: Report): Generator<string> {
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
  const files = [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const casesOf = (findings: readonly Finding[], file: string): number =>
    Math.max(1, findings.length + (errByFile.get(file)?.length ?? 0));
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const [file, findings] of files) {
    tests += casesOf(findings, file);
    failures += findings.length;
    errors += errByFile.get(file)?.length ?? 0;
  }
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${esc(`${report.tool.name} ${report.run}`)}" tests="${tests}" failures="${failures}" errors="${errors}">\n`;
  let firstSuite = true;
  for (const [file, findings] of files) {
    const errs = errByFile.get(file) ?? [];
    yield `${firstSuite ? "" : "\n"}  <testsuite name="${esc(file)}" tests="${casesOf(findings, file)}" failures="${findings.length}" errors="${errs.length}">\n`;
    firstSuite = false;
    let firstCase = true;
    const sep = (): string => {
      const s = firstCase ? "" : "\n";
      firstCase = false;
      return s;
    };
    for (const f of findings) {
      const name = `${f.ruleId}${f.line !== undefined ? ` line ${f.line}` : ""}${f.object?.name ? ` ${f.object.kind ?? ""}/${f.object.name}` : ""}${f.object?.container ? ` container ${f.object.container}` : ""}`;
      yield `${sep()}    <testcase classname="${esc(file)}" name="${esc(name)}"><failure type="${esc(f.severity)}" message="${esc(f.message)}">${esc(`${f.file}:${f.line ?? ""} ${f.message}`)}</failure></testcase>`;
    }
    for (const m of errs)
      yield `${sep()}    <testcase classname="${esc(file)}" name="read"><error message="${esc(m)}"/></testcase>`;
    if (findings.length === 0 && errs.length === 0)
      yield `${sep()}    <testcase classname="${esc(file)}" name="${esc(report.run)}"/>`;
    yield "\n  </testsuite>";
  }
  yield `${files.length > 0 ? "\n" : ""}</testsuites>\n`;
}

export function renderJunit(report: Report): string {
  return [...junitParts(report)].join("");
}
