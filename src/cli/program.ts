import { Command, CommanderError, Option } from "commander";
import { BespokeInputError, formatDiagnostic } from "../core/diagnostics.js";
import { ExitCode } from "../core/exit-codes.js";
import type { CliContext } from "./context.js";
import { bespokeVersion } from "./version.js";
import { registerCommands } from "./commands/index.js";

/** Result of a command: an exit code. Output goes through the context. */
export type Action = () => Promise<number>;

/**
 * Runs `handler` and maps failures to the documented exit codes: bad input → 2 with
 * every diagnostic printed, anything unexpected → 3 with a one-line message (stack only with BESPOKE_DEBUG).
 */
export async function guarded(ctx: CliContext, handler: Action): Promise<number> {
  try {
    return await handler();
  } catch (err) {
    if (err instanceof BespokeInputError) {
      for (const d of err.diagnostics) ctx.stderr(formatDiagnostic(d) + "\n");
      return ExitCode.badInput;
    }
    const msg = err instanceof Error ? err.message : String(err);
    ctx.stderr(
      `bespoke: internal error: ${msg}\n  hint: this is a bug; rerun with BESPOKE_DEBUG=1 and report it\n`,
    );
    if (ctx.env.BESPOKE_DEBUG && err instanceof Error && err.stack) ctx.stderr(err.stack + "\n");
    return ExitCode.internal;
  }
}

export interface Registrar {
  /** Adds an action that returns an exit code; the program records it. */
  readonly ctx: CliContext;
  run(handler: Action): Promise<void>;
}

export function buildProgram(ctx: CliContext): { program: Command; exitCode: () => number } {
  let code: number = ExitCode.ok;
  const program = new Command("bespoke");
  program
    .description("Build and run your own on-premise Kubernetes platform as code.")
    .version(bespokeVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => ctx.stdout(s),
      writeErr: (s) => ctx.stderr(s),
      outputError: (s, write) => write(s),
    })
    .exitOverride()
    .addHelpText(
      "after",
      `
Examples:
  bespoke init --profile MBU --out platform.yaml --yes
  bespoke plan platform.yaml
  bespoke render platform.yaml --out gitops/
  bespoke check gitops/ k8s/ --output sarif > check.sarif
  bespoke image lint . && bespoke image inspect build/image.tar
  bespoke dev up

Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage or bad input, 3 internal error.`,
    );
  const reg: Registrar = {
    ctx,
    async run(handler) {
      code = await guarded(ctx, handler);
    },
  };
  registerCommands(program, reg);
  return { program, exitCode: () => code };
}

/** Parses argv (without node and script) and runs the command; returns the exit code. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const { program, exitCode } = buildProgram(ctx);
  if (argv.length === 0) {
    program.outputHelp();
    return ExitCode.ok;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === "commander.helpDisplayed" ||
        err.code === "commander.version" ||
        err.code === "commander.help"
      )
        return ExitCode.ok;
      return ExitCode.badInput;
    }
    throw err;
  }
  return exitCode();
}

/** A choice option with a clear error for values outside the list. */
export function choice(flags: string, description: string, choices: readonly string[], def?: string): Option {
  const o = new Option(flags, description).choices(choices);
  return def === undefined ? o : o.default(def);
}
