import { createInterface } from "node:readline/promises";
import { runCli } from "./program.js";
import { styleFor } from "./style.js";
import type { CliContext } from "./context.js";

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export async function main(): Promise<void> {
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
