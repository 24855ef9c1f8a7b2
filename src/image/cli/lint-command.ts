import { resolve } from "node:path";
import type { CliContext } from "../../cli/context.js";
import { bespokeVersion } from "../../cli/version.js";
import { BespokeInputError, diagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";
import { ExitCode } from "../../core/exit-codes.js";
import { loadImageConfig } from "../config-file.js";
import { imageRules, ruleById } from "../rules/catalog.js";
import { runImageLint } from "../lint/run-lint.js";
import { emitReport } from "./emit.js";

export interface LintCommandOptions {
  readonly output: "text" | "json" | "sarif" | "junit";
  readonly failOn: "error" | "warning" | "info" | "none";
  readonly config?: string;
  readonly explain?: string;
  readonly fix?: boolean;
}

export async function runLintCommand(
  ctx: CliContext,
  paths: readonly string[],
  opts: LintCommandOptions,
): Promise<number> {
  if (opts.explain !== undefined) return explain(ctx, opts.explain);
  if (paths.length === 0) {
    throw new BespokeInputError([
      diagnostic(
        Codes.cliUsage,
        "no Dockerfile or directory given",
        undefined,
        "bespoke image lint PATH… (try `bespoke image lint .`)",
      ),
    ]);
  }
  const config = await loadImageConfig(opts.config === undefined ? undefined : resolve(ctx.cwd, opts.config));
  const { report, diff } = await runImageLint(paths, {
    cwd: ctx.cwd,
    config,
    fix: opts.fix === true,
    tool: { name: "bespoke", version: bespokeVersion() },
  });
  if (opts.fix) {
    for (const e of report.errors) ctx.stderr(`${e.location?.file ?? ""}: error ${e.code}: ${e.message}\n`);
    if (diff === "") ctx.stderr("no mechanical fixes to apply\n");
    ctx.stdout(diff);
    return report.errors.length > 0 ? ExitCode.badInput : ExitCode.ok;
  }
  return emitReport(ctx, report, opts.output, opts.failOn);
}

function explain(ctx: CliContext, id: string): number {
  if (id === "all") {
    const width = Math.max(...imageRules.map((r) => r.id.length));
    for (const r of imageRules)
      ctx.stdout(
        `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${(r.tags ?? []).join("+").padEnd(16)}  ${r.title}\n`,
      );
    return ExitCode.ok;
  }
  const r = ruleById.get(id);
  if (!r) {
    throw new BespokeInputError([
      diagnostic(
        Codes.imageUnknownRule,
        `unknown rule "${id}"`,
        undefined,
        "list the rules with `bespoke image lint --explain all`",
      ),
    ]);
  }
  ctx.stdout(
    `${ctx.style.bold(r.id)} (${r.severity}; applies to ${(r.tags ?? []).join(" and ")})\n${r.title}\n\nWhy: ${r.why}\n\nFix: ${r.fix}\n\nSuppress with a reason on the line before the instruction:\n  # bespoke-ignore ${r.id} <reason>\n`,
  );
  return ExitCode.ok;
}
