import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import AjvDraft04 from "ajv-draft-04";
import { parseAllDocuments } from "yaml";
import { runCli } from "../../src/cli/program.js";
import { makeStyle } from "../../src/cli/style.js";
import type { CliContext } from "../../src/cli/context.js";
import { fixtureDir } from "./check-helpers.js";

async function cli(
  argv: string[],
  cwd: string,
  stdin = "",
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const ctx: CliContext = {
    cwd,
    env: {},
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    style: makeStyle(false),
    errStyle: makeStyle(false),
    isInteractive: false,
    readStdin: () => Promise.resolve(stdin),
    ask: () => Promise.resolve(""),
    now: () => new Date("2026-11-25T12:00:00Z"),
  };
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr };
}

// A CommonJS class: under NodeNext typing the default import is the module, its `default` the class.
const Ajv04 = AjvDraft04.default;

const tmp = () => mkdtempSync(join(tmpdir(), "bespoke-check-"));
const params = join(fixtureDir, "params.yaml");
const compliant = join(fixtureDir, "compliant.yaml");
const bad = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: shop
spec:
  containers:
    - name: app
      image: nginx:latest
`;

describe("bespoke check", () => {
  it("exits 0 on the compliant fixtures", async () => {
    const r = await cli(["check", compliant, "--params", params], tmp());
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("0 error(s), 0 warning(s), 0 info");
    expect(r.code).toBe(0);
  });

  it("exits 1 on findings at or above --fail-on, with file:line and the container", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "pod.yaml"), bad);
    const r = await cli(["check", "pod.yaml", "--output", "json"], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      findings: { ruleId: string; file: string; line: number; object: { container?: string } }[];
    };
    const f = report.findings.find((x) => x.ruleId === "img-no-latest");
    expect(f).toMatchObject({ file: "pod.yaml", line: 8, object: { container: "app" } });
    const onlyInfo = await cli(
      ["check", "pod.yaml", "--rules", "probe-distinct,img-digest", "--fail-on", "error"],
      dir,
    );
    expect(onlyInfo.code).toBe(0);
    const warn = await cli(["check", "pod.yaml", "--rules", "img-digest", "--fail-on", "warning"], dir);
    expect(warn.code).toBe(1);
  });

  it("reads stdin for -, and exits 2 for bad input while still checking the other files", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n");
    const r = await cli(["check", "broken.yaml", "-", "--output", "json"], dir, bad);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as {
      findings: { file: string }[];
      errors: { code: string; location: { file: string; line: number } }[];
    };
    expect(report.errors).toEqual([
      expect.objectContaining({ code: "BSP3303", location: { file: "broken.yaml", line: 5, col: 3 } }),
    ]);
    expect(report.findings.some((f) => f.file === "-")).toBe(true);
    expect(r.stderr).toContain("broken.yaml:5:3: error BSP3303");
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("reports Helm templates of the example corpus per file and checks the plain manifests", async () => {
    const corpus = join(import.meta.dirname, "../../../shared/corpus/argocd-example-apps");
    const r = await cli(["check", corpus, "--output", "json"], tmp());
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as {
      findings: unknown[];
      errors: { code: string; location: { file: string } }[];
    };
    expect(report.errors.some((e) => e.code === "BSP3307" && e.location.file.includes("/templates/"))).toBe(
      true,
    );
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it("refuses an unknown rule glob, an unknown PSS version and a bad --now with exit 2", async () => {
    const dir = tmp();
    for (const extra of [
      ["--rules", "nope-*"],
      ["--pss-version", "v2.0"],
      ["--now", "tomorrow"],
    ]) {
      const r = await cli(["check", compliant, ...extra], dir);
      expect(r.code, extra.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/error BSP\d{4}/);
    }
  });

  it("writes SARIF 2.1.0 that validates against the official schema", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "pod.yaml"), bad);
    const r = await cli(["check", "pod.yaml", "--output", "sarif"], dir);
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(
      readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"),
    ) as object;
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const sarif = JSON.parse(r.stdout) as {
      runs: { results: unknown[]; tool: { driver: { rules: unknown[] } } }[];
    };
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...sarif, version: "2.0.0" })).toBe(false); // the schema really is checking
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
    expect(sarif.runs[0]?.tool.driver.rules.length).toBeGreaterThanOrEqual(40);
  });

  it("writes JUnit with one failing case per finding", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "pod.yaml"), bad);
    const r = await cli(["check", "pod.yaml", "--output", "junit", "--rules", "img-no-latest"], dir);
    expect(r.stdout).toMatch(/<testsuite name="pod.yaml" tests="1" failures="1"/);
  });
});

describe("bespoke policy", () => {
  it("exports the policies atomically and refuses a directory it did not write", async () => {
    const dir = tmp();
    const r = await cli(["policy", "export", "--out", "out", "--params", params], dir);
    expect(r.code).toBe(0);
    const files = readdirSync(join(dir, "out/policies"));
    expect(files.length).toBeGreaterThanOrEqual(41);
    const cm = parseAllDocuments(readFileSync(join(dir, "out/params/configmap.yaml"), "utf8"))[0]?.toJS();
    expect(cm.data.trustedRegistries).toBe("registry.example.com/");
    expect((await cli(["policy", "export", "--out", "out"], dir)).code).toBe(0);
    mkdirSync(join(dir, "mine"));
    writeFileSync(join(dir, "mine/keep.txt"), "x");
    const refused = await cli(["policy", "export", "--out", "mine"], dir);
    expect(refused.code).toBe(2);
    expect(readdirSync(join(dir, "mine"))).toEqual(["keep.txt"]);
    expect(readdirSync(dir).filter((n) => n.includes(".tmp-"))).toEqual([]);
  });

  it("lists every rule", async () => {
    const r = await cli(["policy", "list"], tmp());
    expect(r.stdout).toMatch(/^xo-duplicate-host +error +.*\(offline-only\)$/m);
    expect(r.stdout.trim().split("\n").length).toBeGreaterThanOrEqual(58);
  });
});
