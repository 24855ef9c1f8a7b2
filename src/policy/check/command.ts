/** The `bespoke check` action: flags → checkInputs (read, check) → a reporter. */
import { resolve } from "node:path";
import type { CliContext } from "../../cli/context.js";
import type { CheckFlags } from "../../cli/commands/check.js";
import { BespokeInputError, diagnostic, formatDiagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";
import { ExitCode } from "../../core/exit-codes.js";
import { atOrAbove } from "../../report/finding.js";
import { writeReport } from "../../report/index.js";
import { bespokeVersion } from "../../cli/version.js";
import { parsePssVersion } from "../pss/index.js";
import { defaultParams } from "../params/params.js";
import { planCheck } from "./check.js";
import { checkInputs } from "./pipeline.js";

/** `--now`: a date (start of that day, UTC) or an RFC 3339 time; normalised to whole seconds. */
export function parseNow(value: string | undefined, fallback: Date): string {
  const d =
    value === undefined
      ? fallback
      : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) {
    throw new BespokeInputError([
      diagnostic(
        Codes.checkBadNow,
        `--now ${JSON.stringify(value)} is not a date`,
        undefined,
        "use YYYY-MM-DD or an RFC 3339 time",
      ),
    ]);
  }
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export async function runCheckCommand(
  ctx: CliContext,
  paths: readonly string[],
  flags: CheckFlags,
): Promise<number> {
  const pss = parsePssVersion(flags.pssVersion);
  if (!pss.ok) throw new BespokeInputError([pss.diagnostic]);
  const now = parseNow(flags.now, ctx.now());
  // The params file's validator (zod) loads only when there is a file to validate.
  const params = flags.params
    ? await (await import("../params/load.js")).loadParams(resolve(ctx.cwd, flags.params))
    : defaultParams;
  const options = {
    pssVersion: pss.version,
    params,
    now,
    ...(flags.rules !== undefined ? { rules: flags.rules } : {}),
  };
  // A --rules glob that matches nothing is a usage error: say so before reading anything.
  const usage = planCheck(options, false).errors.filter((e) => e.code === Codes.checkNoRulesMatch);
  if (usage.length) throw new BespokeInputError(usage);
  const result = await checkInputs(
    paths,
    { readStdin: ctx.readStdin, kustomize: flags.kustomize === true, cwd: ctx.cwd },
    options,
  );
  const errors = result.errors;
  const report = {
    tool: { name: "bespoke", version: bespokeVersion() },
    run: "check",
    rules: result.rules,
    findings: result.findings,
    errors,
    inputs: result.inputs,
  };
  writeReport(report, flags.output, ctx.style, ctx.stdout);
  // Machine formats carry the errors inside; say them on stderr too so a CI log shows why.
  if (flags.output !== "text") for (const e of errors) ctx.stderr(formatDiagnostic(e) + "\n");
  if (errors.length > 0) return ExitCode.badInput;
  return atOrAbove(result.findings, flags.failOn) ? ExitCode.findings : ExitCode.ok;
}
