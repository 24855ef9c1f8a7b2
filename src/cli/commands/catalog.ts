import type { Command } from "commander";
import type { Registrar } from "../program.js";
import { choice } from "../program.js";
import { ExitCode } from "../../core/exit-codes.js";

export function registerCatalog(program: Command, reg: Registrar): void {
  const catalog = program
    .command("catalog")
    .description("browse the component catalog")
    .addHelpText(
      "after",
      `
Examples:
  bespoke catalog list
  bespoke catalog list --output json
  bespoke catalog show cilium`,
    );
  catalog
    .command("list")
    .description("list every component with its levels and status")
    .addOption(choice("-o, --output <format>", "text or json", ["text", "json"], "text"))
    .option("--area <area>", "only this area")
    .addHelpText(
      "after",
      "\nExamples:\n  bespoke catalog list\n  bespoke catalog list --area ingress --output json",
    )
    .action((opts: { output: "text" | "json"; area?: string }) =>
      reg.run(async () => {
        const { ctx } = reg;
        const { defaultCatalog } = await import("../../catalog/default.js");
        const { catalogListText } = await import("../../catalog/present.js");
        const entries = defaultCatalog().entries.filter((e) => !opts.area || e.area === opts.area);
        ctx.stdout(
          opts.output === "json"
            ? JSON.stringify(entries, null, 2) + "\n"
            : catalogListText(entries, ctx.style),
        );
        return ExitCode.ok;
      }),
    );
  catalog
    .command("show")
    .description("show one component: levels, status, chart, requirements and why")
    .argument("<id>", "component id")
    .addHelpText(
      "after",
      "\nExamples:\n  bespoke catalog show cilium\n  bespoke catalog show ingress-nginx --output json",
    )
    .addOption(choice("-o, --output <format>", "text or json", ["text", "json"], "text"))
    .action((id: string, opts: { output: "text" | "json" }) =>
      reg.run(async () => {
        const { ctx } = reg;
        const { defaultCatalog } = await import("../../catalog/default.js");
        const { catalogShowText } = await import("../../catalog/present.js");
        const { BespokeInputError, diagnostic } = await import("../../core/diagnostics.js");
        const { Codes } = await import("../../core/codes.js");
        const { closest } = await import("../../core/closest.js");
        const cat = defaultCatalog();
        const e = cat.get(id);
        if (!e) {
          const guess = closest(
            id,
            cat.entries.map((x) => x.id),
          );
          throw new BespokeInputError([
            diagnostic(
              Codes.catalogUnknownId,
              `no component "${id}" in the catalog`,
              undefined,
              guess ? `did you mean "${guess}"?` : "see `bespoke catalog list`",
            ),
          ]);
        }
        ctx.stdout(
          opts.output === "json" ? JSON.stringify(e, null, 2) + "\n" : catalogShowText(e, cat, ctx.style),
        );
        return ExitCode.ok;
      }),
    );
}
