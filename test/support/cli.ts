import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/program.js";
import { makeStyle } from "../../src/cli/style.js";
import type { CliContext } from "../../src/cli/context.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process against a temp working directory (or `cwd`), capturing output. */
export async function cli(
  args: string[],
  opts: { cwd?: string; answers?: string[]; interactive?: boolean; stdin?: string } = {},
): Promise<CliRun & { cwd: string }> {
  const cwd = opts.cwd ?? mkdtempSync(join(tmpdir(), "bespoke-cli-"));
  let stdout = "";
  let stderr = "";
  const answers = [...(opts.answers ?? [])];
  const ctx: CliContext = {
    cwd,
    env: { NO_COLOR: "1" },
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    style: makeStyle(false),
    errStyle: makeStyle(false),
    isInteractive: opts.interactive ?? false,
    readStdin: async () => opts.stdin ?? "",
    ask: async (q) => {
      stdout += q;
      return answers.shift() ?? "";
    },
    now: () => new Date("2026-11-25T12:00:00Z"),
  };
  const code = await runCli(args, ctx);
  return { code, stdout, stderr, cwd };
}
