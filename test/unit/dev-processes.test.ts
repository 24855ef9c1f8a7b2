import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { devDown } from "../../src/dev/down.js";
import { stateLayout } from "../../src/dev/layout.js";
import { isAlive, isOurProcess, spawnServer, terminate } from "../../src/dev/processes.js";

const dirs: string[] = [];
const pids: number[] = [];
afterEach(() => {
  for (const p of pids.splice(0)) {
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // gone
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "bespoke-dev-proc-"));
  dirs.push(d);
  return d;
}

/** A stand-in server: `sleep` with the state dir in its argv, like the real ones. */
function fakeServer(dir: string): number {
  const pid = spawnServer(
    process.execPath,
    ["-e", "setTimeout(() => {}, 300_000)", dir],
    join(dir, "fake.log"),
    {},
  );
  pids.push(pid);
  return pid;
}

describe("server processes", () => {
  it("recognises its own server by the state dir in its argv, and nothing else", () => {
    const dir = tempDir();
    const pid = fakeServer(dir);
    expect(isOurProcess(pid, dir)).toBe(true);
    expect(isOurProcess(pid, "/some/other/dir")).toBe(false);
    expect(isOurProcess(process.pid, dir)).toBe(false);
  });

  it("terminate stops a process on SIGTERM, and one that ignores SIGTERM with SIGKILL", async () => {
    const dir = tempDir();
    const pid = fakeServer(dir);
    await terminate(pid, 2_000);
    expect(isAlive(pid)).toBe(false);
    const stubborn = spawnServer(
      process.execPath,
      ["-e", "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)", dir],
      join(dir, "s.log"),
      {},
    );
    pids.push(stubborn);
    await new Promise((r) => setTimeout(r, 200));
    await terminate(stubborn, 500);
    expect(isAlive(stubborn)).toBe(false);
  });

  it("down stops exactly the recorded servers and never signals a recycled pid", async () => {
    const dir = tempDir();
    const l = stateLayout(dir);
    const etcd = fakeServer(dir);
    writeFileSync(l.pidFile("etcd"), `${etcd}\n`);
    // A stale pid file naming an unrelated live process (here: a sleep outside the dir).
    const bystander = spawn("sleep", ["300"], { stdio: "ignore" }).pid;
    if (bystander === undefined) throw new Error("could not start sleep");
    pids.push(bystander);
    writeFileSync(l.pidFile("kube-apiserver"), `${bystander}\n`);
    writeFileSync(l.state, "{}");
    writeFileSync(join(dir, "user-file.txt"), "not ours");

    const r = await devDown(dir);
    expect(r.stopped).toEqual(["etcd"]);
    expect(r.stale).toEqual(["kube-apiserver"]);
    expect(isAlive(etcd)).toBe(false);
    expect(isAlive(bystander)).toBe(true);
    // Only owned entries go: a file the user put there stays, and so does the directory.
    expect(existsSync(l.pidFile("etcd"))).toBe(false);
    expect(existsSync(l.state)).toBe(false);
    expect(existsSync(join(dir, "user-file.txt"))).toBe(true);
  });
});
