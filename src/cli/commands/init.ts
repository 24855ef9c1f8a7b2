import type { Command } from "commander";
import type { Registrar } from "../program.js";
import { choice } from "../program.js";
import { BespokeInputError, diagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";
import { ExitCode } from "../../core/exit-codes.js";

export function registerInit(program: Command, reg: Registrar): void {
  program
    .command("init")
    .description("write a platform.yaml for a target group")
    .addOption(
      choice("--profile <group>", "target group: SUP, MBU or ENT", [
        "SUP",
        "MBU",
        "ENT",
      ]).makeOptionMandatory(),
    )
    .requiredOption("--out <file>", "where to write platform.yaml")
    .option("--yes", "do not ask; take the profile's defaults", false)
    .option("--force", "overwrite an existing file", false)
    .addHelpText(
      "after",
      `
Examples:
  bespoke init --profile MBU --out platform.yaml --yes
  bespoke init --profile SUP --out platform.yaml        # asks a few questions`,
    )
    .action((opts: { profile: "SUP" | "MBU" | "ENT"; out: string; yes: boolean; force: boolean }) =>
      reg.run(async () => {
        const { ctx } = reg;
        const { resolve } = await import("node:path");
        const { exists, writeFileAtomic } = await import("../files.js");
        const { platformTemplate } = await import("../../spec/template.js");
        const { askInitQuestions } = await import("../init-questions.js");
        const out = resolve(ctx.cwd, opts.out);
        if (exists(out) && !opts.force) {
          throw new BespokeInputError([
            diagnostic(
              Codes.cliOutputExists,
              `${opts.out} already exists`,
              { file: opts.out },
              "pass --force to overwrite it",
            ),
          ]);
        }
        if (!opts.yes && !ctx.isInteractive) {
          throw new BespokeInputError([
            diagnostic(
              Codes.cliUsage,
              "init asks questions, but there is no terminal to ask on",
              undefined,
              "pass --yes to take the profile's defaults",
            ),
          ]);
        }
        const answers = opts.yes ? {} : await askInitQuestions(ctx, opts.profile);
        writeFileAtomic(out, platformTemplate(opts.profile, answers));
        ctx.stdout(`wrote ${opts.out} (${opts.profile}); next: bespoke plan ${opts.out}\n`);
        return ExitCode.ok;
      }),
    );
}
