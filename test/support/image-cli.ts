import { runCli } from "../../src/cli/program.js";
import { makeStyle } from "../../src/cli/style.js";
import type { CliContext } from "../../src/cli/context.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with a captured, colourless context. */
export async function runImageCli(argv: readonly string[], cwd: string): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const ctx: CliContext = {
    cwd,
    env: {},
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    style: makeStyle(false),
    errStyle: makeStyle(false),
    isInteractive: false,
    readStdin: () => Promise.resolve(""),
    ask: () => Promise.resolve(""),
    now: () => new Date(0),
  };
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr };
}
