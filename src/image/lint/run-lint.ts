import { readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { diagnostic, type Diagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";
import { compareFindings, type Finding } from "../../report/index.js";
import type { Report } from "../../report/index.js";
import type { ImageConfig } from "../config.js";
import { imageRules } from "../rules/catalog.js";
import { discoverDockerfiles } from "./discover.js";
import { lintDockerfile } from "./lint-dockerfile.js";
import { planFixes, unifiedDiff } from "./fix.js";

export interface LintRun {
  readonly report: Report;
  /** Unified diff of the mechanical fixes, when asked for. */
  readonly diff: string;
}

/** Reads the Dockerfiles named by `paths` and lints them; the only IO of image lint. */
export async function runImageLint(
  paths: readonly string[],
  opts: { cwd: string; config: ImageConfig; fix: boolean; tool: { name: string; version: string } },
): Promise<LintRun> {
  const found = await discoverDockerfiles(paths, opts.cwd);
  const errors: Diagnostic[] = [];
  for (const p of found.missing)
    errors.push(
      diagnostic(Codes.imageUnreadable, "no such file or directory", { file: p }, "check the path"),
    );
  for (const p of found.empty)
    errors.push(
      diagnostic(
        Codes.imageNoDockerfile,
        "directory holds no Dockerfile",
        { file: p },
        "files are named Dockerfile, Containerfile, *.Dockerfile or Dockerfile.*",
      ),
    );
  const findings: Finding[] = [];
  const diffs: string[] = [];
  for (const file of found.files) {
    let source: string;
    try {
      source = await readFile(isAbsolute(file) ? file : join(opts.cwd, file), "utf8");
    } catch (err) {
      errors.push(
        diagnostic(
          Codes.imageUnreadable,
          `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
          { file },
          "check the path and its permissions",
        ),
      );
      continue;
    }
    const result = lintDockerfile(file, source, opts.config);
    if (result.error) errors.push(result.error);
    findings.push(...result.findings);
    if (opts.fix && result.model)
      diffs.push(unifiedDiff(file, source, planFixes(source, result.model, opts.config)));
  }
  return {
    report: {
      tool: opts.tool,
      run: "image lint",
      rules: imageRules.filter((r) => r.tags?.includes("dockerfile")),
      findings: findings.sort(compareFindings),
      errors,
      inputs: found.files,
    },
    diff: diffs.join(""),
  };
}
