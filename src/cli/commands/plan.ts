import type { Command } from "commander";
import type { Registrar } from "../program.js";
import { choice } from "../program.js";
import { ExitCode } from "../../core/exit-codes.js";

export function registerPlan(program: Command, reg: Registrar): void {
  program
    .command("plan")
    .description("choose the platform's components from the catalog, with a reason for every pick and skip")
    .argument("<file>", "platform.yaml")
    .addOption(choice("-o, --output <format>", "text or json", ["text", "json"], "text"))
    .addHelpText(
      "after",
      `
Examples:
  bespoke plan platform.yaml
  bespoke plan platform.yaml --output json | jq '.components[].id'`,
    )
    .action((file: string, opts: { output: "text" | "json" }) =>
      reg.run(async () => {
        const { ctx } = reg;
        const { readUserFile } = await import("../files.js");
        const { defaultCatalog } = await import("../../catalog/default.js");
        const { planFromTextOrThrow } = await import("../../plan/from-file.js");
        const { planToJson, planToText } = await import("../../plan/present.js");
        const text = readUserFile(
          ctx.cwd,
          file,
          "create one with `bespoke init --profile MBU --out " + file + " --yes`",
        );
        const { plan } = planFromTextOrThrow(text, file, defaultCatalog());
        ctx.stdout(
          opts.output === "json"
            ? JSON.stringify(planToJson(plan), null, 2) + "\n"
            : planToText(plan, ctx.style),
        );
        return ExitCode.ok;
      }),
    );
}
