import type { Command } from "commander";
import type { Registrar } from "../program.js";
import { choice } from "../program.js";

const formats = ["text", "json", "sarif", "junit"] as const;
const failOnChoices = ["error", "warning", "info", "none"] as const;
type Format = (typeof formats)[number];
type FailOn = (typeof failOnChoices)[number];

interface LintOpts {
  output: Format;
  failOn: FailOn;
  config?: string;
  explain?: string;
  fix?: boolean;
}

/** Output format and --fail-on, the same for lint and inspect. */
function withReportOptions(cmd: Command): Command {
  return cmd
    .addOption(choice("-o, --output <format>", "report format", formats, "text"))
    .addOption(
      choice(
        "--fail-on <severity>",
        "exit 1 when a finding is at or above this severity",
        failOnChoices,
        "warning",
      ),
    );
}

export function registerImage(program: Command, reg: Registrar): void {
  const image = program
    .command("image")
    .description("harden container images: lint Dockerfiles, inspect built images")
    .addHelpText(
      "after",
      "\nExamples:\n  bespoke image lint .\n  bespoke image lint Dockerfile --output sarif > image.sarif\n  bespoke image inspect build/image.tar",
    );

  withReportOptions(image.command("lint"))
    .description("check Dockerfiles against the image hardening rules")
    .argument(
      "[paths...]",
      "Dockerfiles or directories searched for Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*",
    )
    .option(
      "-c, --config <file>",
      "YAML config: allowedRegistries, digests (for --fix), rules (severity or off), users",
    )
    .option("--explain <rule>", "print what a rule checks, why and how to fix it ('all' lists every rule)")
    .option(
      "--fix",
      "print a diff of the mechanical fixes (numeric USER, exec-form CMD, digest pins from the config); writes nothing",
    )
    .addHelpText(
      "after",
      `
Suppress a finding on the next instruction with a reason:
  # bespoke-ignore user-root the init container needs root to chown the volume

Examples:
  bespoke image lint .
  bespoke image lint Dockerfile --output sarif > image-lint.sarif
  bespoke image lint Dockerfile --fix --config image-policy.yaml | git apply
  bespoke image lint --explain base-not-pinned`,
    )
    .action((paths: string[], opts: LintOpts) =>
      reg.run(async () => {
        const { runLintCommand } = await import("../../image/cli/lint-command.js");
        return runLintCommand(reg.ctx, paths, opts);
      }),
    );

  withReportOptions(image.command("inspect"))
    .description(
      "report what a built image really holds (OCI layout directory, docker save or OCI archive tarball)",
    )
    .argument(
      "<images...>",
      "OCI image layout directories or .tar archives; no registry or container engine is used",
    )
    .option("-c, --config <file>", "YAML config: rules (severity or off)")
    .addHelpText(
      "after",
      `
Examples:
  docker save myapp:1.2 -o myapp.tar && bespoke image inspect myapp.tar
  skopeo copy docker://registry.example/app:1.2 oci:app-layout && bespoke image inspect app-layout --output json`,
    )
    .action((images: string[], opts: LintOpts) =>
      reg.run(async () => {
        const { runInspectCommand } = await import("../../image/cli/inspect-command.js");
        return runInspectCommand(reg.ctx, images, opts);
      }),
    );
}
