import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { lintDockerfile } from "../../src/image/lint/lint-dockerfile.js";
import { parseImageConfig } from "../../src/image/config-file.js";
import { corpusConfigFile, loadDockerfileFixtures } from "../support/image-fixtures.js";

const fixtures = loadDockerfileFixtures();
const config = parseImageConfig(corpusConfigFile, readFileSync(corpusConfigFile, "utf8"));

describe("Dockerfile fixture corpus", () => {
  it("has at least 60 fixtures, good and bad", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
    expect(fixtures.filter((f) => f.expected.length === 0).length).toBeGreaterThanOrEqual(15);
    expect(fixtures.filter((f) => f.expected.length > 0).length).toBeGreaterThanOrEqual(40);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))(
    "%s raises exactly its expected findings",
    (_name, f) => {
      const result = lintDockerfile(f.name, f.source, config);
      expect(result.error).toBeUndefined();
      const got = result.findings.map((x) => `${x.ruleId}@${x.line ?? 0}`).sort();
      expect(got).toEqual(f.expected);
    },
  );

  it("every Dockerfile rule is exercised by some fixture", () => {
    const hit = new Set(fixtures.flatMap((f) => f.expected.map((e) => e.split("@")[0])));
    const dockerfileRules = [
      "add-instead-of-copy",
      "bad-suppression",
      "base-alpine",
      "base-full-distro",
      "base-latest",
      "base-not-pinned",
      "base-registry",
      "build-tool",
      "curl-pipe-shell",
      "dockerfile-syntax",
      "interpreter",
      "network-tool",
      "oci-labels",
      "package-cache",
      "package-manager",
      "secret-in-env",
      "shell",
      "shell-form-cmd",
      "single-stage-compiled",
      "user-not-numeric",
      "user-root",
    ];
    expect(dockerfileRules.filter((r) => !hit.has(r))).toEqual([]);
  });
});
