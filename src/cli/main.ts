import { createInterface } from "node:readline/promises";
import { runCli } from "./program.js";
import { styleFor } from "./style.js";
import type { CliContext } from "./context.js";

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** `bespoke … | head` closes the pipe early: that is the reader's choice, not an error. */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

export async function main(): Promise<void> {
  exitQuietlyOnClosedPipe(process.stdout);
  const ctx: CliContext = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    style: styleFor(process.stdout, process.env),
    errStyle: styleFor(process.stderr, process.env),
    isInteractive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    readStdin: () => readAll(process.stdin),
    ask: async (q) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await rl.question(q);
      } finally {
        rl.close();
      }
    },
    now: () => new Date(),
  };
  const code = await runCli(process.argv.slice(2), ctx);
  process.exitCode = code;
}
