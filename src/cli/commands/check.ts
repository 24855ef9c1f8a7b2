import type { Command } from "commander";
import type { Registrar } from "../program.js";
import { choice } from "../program.js";

const formats = ["text", "json", "sarif", "junit"] as const;
const severities = ["error", "warning", "info"] as const;

export interface CheckFlags {
  output: (typeof formats)[number];
  failOn: (typeof severities)[number];
  rules?: string;
  pssVersion: string;
  params?: string;
  kustomize?: boolean;
  now?: string;
}

export function registerCheck(program: Command, reg: Registrar): void {
  program
    .command("check")
    .description("check Kubernetes manifests with the policy library (the same CEL the cluster runs)")
    .argument("<paths...>", "files, directories (recursive *.yaml|*.yml) or - for stdin")
    .option("--rules <globs>", "comma-separated rule id globs; !glob excludes (default: all rules)")
    .option("--pss-version <v1.N>", "Pod Security Standards version (v1.N or latest)", "latest")
    .addOption(choice("-o, --output <format>", "report format", formats, "text"))
    .addOption(
      choice("--fail-on <severity>", "exit 1 when a finding is at or above this", severities, "error"),
    )
    .option("--params <file>", "policy params (trusted registries, required labels, ...)")
    .option("--kustomize", "build directories with kubectl kustomize before checking")
    .option("--now <date>", "time for exception expiry (YYYY-MM-DD or RFC 3339; default: now)")
    .addHelpText(
      "after",
      `
Exceptions (annotation on the object, its pod template, or its Namespace; reason required):
  bespoke.dev/exception.<rule-id>: "reason=needs raw sockets; expires=2027-01-31; containers=a,b"

Examples:
  bespoke check deploy/
  helm template my-chart | bespoke check -
  bespoke check k8s/ --rules 'img-*,pss-restricted-*' --output sarif > check.sarif
  bespoke check overlays/prod --kustomize --params policy-params.yaml

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input (other files are still checked).`,
    )
    .action((paths: string[], flags: CheckFlags) =>
      reg.run(async () => {
        const { runCheckCommand } = await import("../../policy/check/command.js");
        return runCheckCommand(reg.ctx, paths, flags);
      }),
    );
}
