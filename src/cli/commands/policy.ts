import type { Command } from "commander";
import type { Registrar } from "../program.js";

export function registerPolicy(program: Command, reg: Registrar): void {
  const policy = program
    .command("policy")
    .description("the policy library: list rules, export them as VAPs")
    .addHelpText(
      "after",
      `
Examples:
  bespoke policy list
  bespoke policy export --out guardrails/policies --params policy-params.yaml`,
    );
  policy
    .command("export")
    .description("write the ValidatingAdmissionPolicies, their params and bindings to a directory")
    .requiredOption("--out <dir>", "output directory (created; replaced only if bespoke wrote it)")
    .option("--params <file>", "policy params (trusted registries, required labels, ...)")
    .addHelpText(
      "after",
      `
Bindings: namespaces labelled bespoke.dev/policy=enforce deny on error rules and warn on the others;
bespoke.dev/policy=warn namespaces warn and audit on every rule. A guard policy lets only the
params' adminGroups set bespoke.dev/exception.* annotations.

Examples:
  bespoke policy export --out guardrails/policies && kubectl apply -k guardrails/policies`,
    )
    .action((flags: { out: string; params?: string }) =>
      reg.run(async () => {
        const { runPolicyExport } = await import("../../policy/export/command.js");
        return runPolicyExport(reg.ctx, flags);
      }),
    );
  policy
    .command("list")
    .description("list every rule with its severity and title")
    .addHelpText("after", "\nExamples:\n  bespoke policy list\n  bespoke policy list | grep '^pss-'")
    .action(() =>
      reg.run(async () => {
        const { runPolicyList } = await import("../../policy/export/command.js");
        return runPolicyList(reg.ctx);
      }),
    );
}
