import { resolve } from "node:path";
import type { CliContext } from "../../cli/context.js";
import { bespokeVersion } from "../../cli/version.js";
import { loadImageConfig } from "../config-file.js";
import { runImageInspect, type InspectedImage } from "../inspect/run-inspect.js";
import { emitReport } from "./emit.js";
import { atOrAbove, renderReport } from "../../report/index.js";
import { ExitCode } from "../../core/exit-codes.js";
import type { LintCommandOptions } from "./lint-command.js";

export async function runInspectCommand(
  ctx: CliContext,
  images: readonly string[],
  opts: LintCommandOptions,
): Promise<number> {
  const config = await loadImageConfig(opts.config === undefined ? undefined : resolve(ctx.cwd, opts.config));
  const { report, images: inspected } = await runImageInspect(images, {
    config,
    cwd: ctx.cwd,
    tool: { name: "bespoke", version: bespokeVersion() },
  });
  if (opts.output === "json") {
    // The shared JSON report plus what each image holds, so scripts need not parse messages.
    const base = JSON.parse(renderReport(report, "json", ctx.style)) as Record<string, unknown>;
    ctx.stdout(JSON.stringify({ ...base, images: inspected.map(summaryJson) }, null, 2) + "\n");
    if (report.errors.length > 0) return ExitCode.badInput;
    return opts.failOn !== "none" && atOrAbove(report.findings, opts.failOn)
      ? ExitCode.findings
      : ExitCode.ok;
  }
  const summary = opts.output === "text" ? inspected.map(summaryText).join("") : "";
  return emitReport(ctx, report, opts.output, opts.failOn, summary);
}

function summaryJson(i: InspectedImage): Record<string, unknown> {
  const inv = i.inventory;
  return {
    image: i.image,
    format: i.format,
    layers: i.layers,
    paths: inv.paths,
    user: inv.user,
    entrypoint: inv.entrypoint,
    cmd: inv.cmd,
    shells: inv.tools.shell,
    packageManagers: inv.tools["package-manager"],
    packageDatabases: inv.packageDatabases,
    interpreters: inv.tools.interpreter,
    networkTools: inv.tools["network-tool"],
    buildTools: inv.tools["build-tool"],
    setuid: inv.setuid,
    worldWritableDirs: inv.worldWritableDirs,
  };
}

function summaryText(i: InspectedImage): string {
  const inv = i.inventory;
  const list = (xs: readonly string[]) => (xs.length > 0 ? xs.join(", ") : "none");
  return [
    `${i.image}: ${i.format}, ${i.layers} layer(s), ${inv.paths} paths`,
    `  user: ${inv.user === "" ? "(unset: root)" : inv.user}; entrypoint: ${JSON.stringify(inv.entrypoint)}; cmd: ${JSON.stringify(inv.cmd)}`,
    `  shells: ${list(inv.tools.shell)}`,
    `  package managers: ${list(inv.tools["package-manager"])}; databases: ${list(inv.packageDatabases)}`,
    `  interpreters: ${list(inv.tools.interpreter)}`,
    `  network tools: ${list(inv.tools["network-tool"])}; build tools: ${list(inv.tools["build-tool"])}`,
    `  setuid/setgid: ${inv.setuid.length}; world-writable dirs: ${inv.worldWritableDirs.length}`,
    "",
  ].join("\n");
}
