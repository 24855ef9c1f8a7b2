import type { Command } from "commander";
import type { Registrar } from "../program.js";
import { choice } from "../program.js";
import { ExitCode } from "../../core/exit-codes.js";

export function registerAdvise(program: Command, reg: Registrar): void {
  const advise = program
    .command("advise")
    .description("advice: buy a distribution or build your own; how to manage an app's resources")
    .addHelpText(
      "after",
      `
Examples:
  bespoke advise distribution platform.yaml
  bespoke advise distribution --profile SUP
  bespoke advise resources --configs 6
  bespoke advise resources --configs 2 --published`,
    );
  advise
    .command("distribution")
    .description("score building your own against OpenShift, OKD, Rancher and Tanzu")
    .argument("[file]", "platform.yaml (default: the --profile's defaults)")
    .addHelpText(
      "after",
      "\nExamples:\n  bespoke advise distribution platform.yaml\n  bespoke advise distribution --profile ENT --output json",
    )
    .addOption(
      choice("--profile <group>", "target group when no file is given", ["SUP", "MBU", "ENT"], "MBU"),
    )
    .addOption(choice("-o, --output <format>", "text or json", ["text", "json"], "text"))
    .action((file: string | undefined, opts: { profile: "SUP" | "MBU" | "ENT"; output: "text" | "json" }) =>
      reg.run(async () => {
        const { ctx } = reg;
        const { readUserFile } = await import("../files.js");
        const { parsePlatform } = await import("../../spec/parse.js");
        const { resolveFacts } = await import("../../spec/facts.js");
        const { platformTemplate } = await import("../../spec/template.js");
        const { adviseDistribution } = await import("../../advise/distribution.js");
        const { distributionText } = await import("../../advise/present.js");
        const { BespokeInputError } = await import("../../core/diagnostics.js");
        const text = file
          ? readUserFile(ctx.cwd, file, "pass a platform.yaml or --profile")
          : platformTemplate(opts.profile);
        const parsed = parsePlatform(text, file ?? `(profile ${opts.profile})`);
        if (!parsed.ok) throw new BespokeInputError(parsed.diagnostics);
        const advice = adviseDistribution(resolveFacts(parsed.platform).facts);
        ctx.stdout(
          opts.output === "json"
            ? JSON.stringify(advice, null, 2) + "\n"
            : distributionText(advice, ctx.style),
        );
        return ExitCode.ok;
      }),
    );
  advise
    .command("resources")
    .description("plain YAML, Kustomize, Helm or an Operator for an app's resources")
    .requiredOption("--configs <n>", "number of configurations (environments, clusters, tenants)")
    .option("--published", "the package is published for others to install", false)
    .option("--vendor", "vendor software that needs lifecycle logic", false)
    .addHelpText(
      "after",
      "\nExamples:\n  bespoke advise resources --configs 6\n  bespoke advise resources --configs 2 --published\n  bespoke advise resources --configs 1 --vendor",
    )
    .addOption(choice("-o, --output <format>", "text or json", ["text", "json"], "text"))
    .action((opts: { configs: string; published: boolean; vendor: boolean; output: "text" | "json" }) =>
      reg.run(async () => {
        const { ctx } = reg;
        const { adviseResources } = await import("../../advise/resources.js");
        const { BespokeInputError, diagnostic } = await import("../../core/diagnostics.js");
        const { Codes } = await import("../../core/codes.js");
        const n = Number(opts.configs);
        if (!Number.isInteger(n) || n < 1) {
          throw new BespokeInputError([
            diagnostic(
              Codes.cliUsage,
              `--configs must be a whole number ≥ 1, got "${opts.configs}"`,
              undefined,
              "e.g. --configs 3",
            ),
          ]);
        }
        const a = adviseResources({ configs: n, published: opts.published, vendor: opts.vendor });
        ctx.stdout(
          opts.output === "json"
            ? JSON.stringify(a, null, 2) + "\n"
            : `${ctx.style.bold(a.tool)}: ${a.why}\n${a.alternatives.map((x) => `  consider ${x.tool} when ${x.whenInstead}`).join("\n")}\n`,
        );
        return ExitCode.ok;
      }),
    );
}
