import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runImageCli } from "../support/image-cli.js";
import { dockerfileFixtureDir } from "../support/image-fixtures.js";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "bespoke-image-lint-"));
}

const digest = (c: string) => `sha256:${c.repeat(64)}`;

describe("bespoke image lint", () => {
  it("flags each problem of python:latest + apt-get install curl + ADD URL + no USER", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "Dockerfile"),
      'FROM python:latest\nRUN apt-get update && apt-get install -y curl\nADD https://example.org/app.tar.gz /app/\nCMD ["python", "/app/main.py"]\n',
    );
    const r = await runImageCli(["image", "lint", "Dockerfile", "--output", "json"], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; line: number }[] };
    const got = new Set(report.findings.map((f) => `${f.ruleId}@${f.line}`));
    for (const want of [
      "base-latest@1",
      "base-full-distro@1",
      "network-tool@2",
      "package-cache@2",
      "add-instead-of-copy@3",
      "user-root@1",
    ]) {
      expect(got).toContain(want);
    }
  });

  it("passes a hardened multistage build onto distroless with a numeric USER and digests (exit 0)", async () => {
    const r = await runImageCli(
      ["image", "lint", join(dockerfileFixtureDir, "good-go-distroless.Dockerfile")],
      tempDir(),
    );
    expect(r.stdout).toContain("0 error(s), 0 warning(s), 0 info");
    expect(r.code).toBe(0);
  });

  it("searches directories for Dockerfile, Containerfile, *.Dockerfile and Dockerfile.*", async () => {
    const dir = tempDir();
    for (const n of ["Dockerfile", "Containerfile", "api.Dockerfile", "Dockerfile.prod", "README.md"])
      writeFileSync(join(dir, n), "FROM scratch\nUSER 1:1\n");
    mkdirSync(join(dir, "node_modules"));
    writeFileSync(join(dir, "node_modules", "Dockerfile"), "FROM scratch\n");
    const r = await runImageCli(["image", "lint", ".", "--output", "json", "--fail-on", "none"], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { inputs: string[] }).inputs).toEqual([
      "Containerfile",
      "Dockerfile",
      "Dockerfile.prod",
      "api.Dockerfile",
    ]);
  });

  it.each([
    ["empty file", "", "BSP4001"],
    ["binary file", "\u0000\u0001ELF", "BSP4002"],
  ])("rejects an %s with exit 2 and file:line", async (_what, content, code) => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), content);
    const r = await runImageCli(["image", "lint", "Dockerfile"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`Dockerfile:1: error ${code}`);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects a directory with no Dockerfile and a missing path with exit 2", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "empty"));
    const r = await runImageCli(["image", "lint", "empty", "nope"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("empty: error BSP4004");
    expect(r.stdout).toContain("nope: error BSP4003");
  });

  it("reports unknown instructions and unterminated heredocs as findings at their line", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM scratch\nFETCH http://x\nRUN <<EOT\necho hi\n");
    const r = await runImageCli(["image", "lint", "Dockerfile", "--output", "json"], dir);
    const f = (
      JSON.parse(r.stdout) as { findings: { ruleId: string; line: number; message: string }[] }
    ).findings.filter((x) => x.ruleId === "dockerfile-syntax");
    expect(f.map((x) => x.line)).toEqual([2, 3]);
    expect(f[0]?.message).toContain("FETCH");
    expect(f[1]?.message).toContain("never closed");
  });

  it("--explain prints why and fix; unknown rule is exit 2", async () => {
    const ok = await runImageCli(["image", "lint", "--explain", "user-not-numeric"], tempDir());
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("runAsNonRoot");
    expect(ok.stdout).toContain("Fix:");
    const all = await runImageCli(["image", "lint", "--explain", "all"], tempDir());
    expect(all.stdout.trim().split("\n").length).toBeGreaterThanOrEqual(20);
    const bad = await runImageCli(["image", "lint", "--explain", "nope"], tempDir());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("BSP4006");
  });

  it("--fix previews numeric USER, exec-form CMD and a digest pin from the config, writing nothing", async () => {
    const dir = tempDir();
    const src = "FROM debian:bookworm-slim\nUSER nobody\nCMD /usr/local/bin/app --port 8080\n";
    writeFileSync(join(dir, "Dockerfile"), src);
    writeFileSync(join(dir, "cfg.yaml"), `digests:\n  debian:bookworm-slim: "${digest("a")}"\n`);
    const r = await runImageCli(["image", "lint", "Dockerfile", "--fix", "--config", "cfg.yaml"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "--- a/Dockerfile",
        "+++ b/Dockerfile",
        "@@ -1,3 +1,3 @@",
        "-FROM debian:bookworm-slim",
        `+FROM debian:bookworm-slim@${digest("a")}`,
        "-USER nobody",
        "+USER 65534:65534",
        "-CMD /usr/local/bin/app --port 8080",
        '+CMD ["/usr/local/bin/app", "--port", "8080"]',
        "",
      ].join("\n"),
    );
    expect(readdirSync(dir).sort()).toEqual(["Dockerfile", "cfg.yaml"]);
  });

  it("leaves shell-form commands that need a shell alone in --fix", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM scratch\nCMD app && other\n");
    const r = await runImageCli(["image", "lint", "Dockerfile", "--fix"], dir);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("no mechanical fixes");
  });

  it("applies rule severities from the config and turns rules off", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), `FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n`);
    writeFileSync(join(dir, "cfg.yaml"), "rules:\n  user-root: info\n  oci-labels: off\n");
    const r = await runImageCli(
      ["image", "lint", "Dockerfile", "--config", "cfg.yaml", "--output", "json"],
      dir,
    );
    expect(r.code).toBe(0);
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string }[] }).findings;
    expect(findings).toEqual([expect.objectContaining({ ruleId: "user-root", severity: "info" })]);
  });

  it("rejects a bad config with its line and exit 2", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM scratch\n");
    writeFileSync(
      join(dir, "cfg.yaml"),
      "allowedRegistries:\n  - docker.io\nrules:\n  no-such-rule: error\nextra: 1\n",
    );
    const r = await runImageCli(["image", "lint", "Dockerfile", "--config", "cfg.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cfg\.yaml(:\d+:\d+)?: error BSP4005/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(["sarif", "junit"])("renders %s through the shared reporters", async (format) => {
    const r = await runImageCli(
      ["image", "lint", join(dockerfileFixtureDir, "bad-user-root.Dockerfile"), "--output", format],
      tempDir(),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("user-root");
    if (format === "sarif") expect((JSON.parse(r.stdout) as { version: string }).version).toBe("2.1.0");
    else expect(r.stdout).toContain("<testsuites");
  });
});

describe("allowed registries", () => {
  it("accepts the policy library's trustedRegistries list (image prefixes) in the config", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "Dockerfile"),
      `FROM registry.example.com/base/static:1@${digest("b")}\nFROM quay.example.net/x/y:1@${digest("c")}\nUSER 1:1\n`,
    );
    writeFileSync(join(dir, "cfg.yaml"), "trustedRegistries:\n  - registry.example.com/\n");
    const r = await runImageCli(
      ["image", "lint", "Dockerfile", "--config", "cfg.yaml", "--output", "json", "--fail-on", "none"],
      dir,
    );
    const hits = (JSON.parse(r.stdout) as { findings: { ruleId: string; line: number }[] }).findings.filter(
      (f) => f.ruleId === "base-registry",
    );
    expect(hits.map((f) => f.line)).toEqual([2]);
  });

  it("takes the policy library's PolicyParams file as --config (its trustedRegistries)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), `FROM quay.example.net/x/y:1@${digest("c")}\nUSER 1:1\n`);
    writeFileSync(
      join(dir, "params.yaml"),
      "apiVersion: bespoke.dev/v1alpha1\nkind: PolicyParams\ntrustedRegistries: [registry.example.com/]\nownerLabel: team\n",
    );
    const r = await runImageCli(
      ["image", "lint", "Dockerfile", "--config", "params.yaml", "--output", "json"],
      dir,
    );
    const ids = (JSON.parse(r.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    expect(ids).toContain("base-registry");
  });
});
