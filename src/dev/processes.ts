/**
 * Starting and stopping the server processes. Each is spawned directly (no wrapper shell), in its
 * own session, so the pid we record is the server's own and `down` stops exactly it.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";

export function spawnServer(
  bin: string,
  args: readonly string[],
  logFile: string,
  env: NodeJS.ProcessEnv,
): number {
  const fd = openSync(logFile, "a");
  try {
    const child = spawn(bin, args, { detached: true, stdio: ["ignore", fd, fd], env });
    // A spawn failure (ENOENT, EACCES) surfaces as a missing pid; the error event must be handled.
    child.on("error", () => undefined);
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${bin}`);
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

/** The process's argv, or undefined when it is gone or a zombie. */
function cmdline(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 3 follows the parenthesised command name, which itself may contain spaces.
    if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) return undefined;
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return undefined;
  }
}

/**
 * True when `pid` is alive and is the server we started: its argv mentions our state directory.
 * A recycled pid belonging to anything else is never signalled.
 */
export function isOurProcess(pid: number, marker: string): boolean {
  if (existsSync("/proc/self/cmdline")) {
    const argv = cmdline(pid);
    return argv !== undefined && argv.some((a) => a.includes(marker));
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function isAlive(pid: number): boolean {
  if (existsSync("/proc/self/cmdline")) return cmdline(pid) !== undefined;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone: that is the goal.
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function terminate(pid: number, graceMs = 10_000): Promise<void> {
  signal(pid, "SIGTERM");
  for (let waited = 0; waited < graceMs; waited += 100) {
    if (!isAlive(pid)) return;
    await sleep(100);
  }
  signal(pid, "SIGKILL");
  for (let waited = 0; waited < 5_000 && isAlive(pid); waited += 100) await sleep(100);
}

/** For process-exit handlers, which cannot wait: kill at once. */
export function killNow(pid: number): void {
  signal(pid, "SIGKILL");
}

export function readPidFile(file: string): number | undefined {
  try {
    const n = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

export function logTail(file: string, lines = 15): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
