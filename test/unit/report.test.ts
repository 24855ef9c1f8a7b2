import { describe, expect, it } from "vitest";
import { renderJunit } from "../../src/report/junit.js";
import { renderSarif } from "../../src/report/sarif.js";
import { atOrAbove, compareFindings, type Finding } from "../../src/report/finding.js";
import type { Report } from "../../src/report/report.js";

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: "r1",
  severity: "warning",
  message: "m <&> 'q'",
  file: "a/b c.yaml",
  line: 3,
  col: 1,
  ...over,
});

const report = (findings: Finding[]): Report => ({
  tool: { name: "bespoke", version: "0.0.0" },
  run: "check",
  rules: [{ id: "r1", severity: "warning", title: "t", why: "w", fix: "f" }],
  findings,
  errors: [],
  inputs: ["a/b c.yaml", "clean.yaml"],
});

describe("reporters", () => {
  it("fail-on compares severities by rank", () => {
    expect(atOrAbove([finding({ severity: "warning" })], "error")).toBe(false);
    expect(atOrAbove([finding({ severity: "warning" })], "warning")).toBe(true);
    expect(atOrAbove([finding({ severity: "error" })], "info")).toBe(true);
  });
  it("orders findings by file, then line", () => {
    const a = finding({ file: "b", line: 1 });
    const b = finding({ file: "a", line: 9 });
    const c = finding({ file: "a", line: 2 });
    expect([a, b, c].sort(compareFindings)).toEqual([c, b, a]);
  });
  it("junit escapes XML and lists clean inputs as passing cases", () => {
    const xml = renderJunit(report([finding()]));
    expect(xml).toContain("m &lt;&amp;&gt; &apos;q&apos;");
    expect(xml).toMatch(/<testsuite name="clean.yaml" tests="1" failures="0"/);
    expect(xml).toMatch(/<testsuites name="bespoke check" tests="2" failures="1" errors="0">/);
  });
  it("sarif points at the rule by index and encodes the uri", () => {
    const s = JSON.parse(renderSarif(report([finding()])));
    const r = s.runs[0].results[0];
    expect(r.ruleIndex).toBe(0);
    expect(r.level).toBe("warning");
    expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe("a/b%20c.yaml");
    expect(r.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 1 });
  });
});
