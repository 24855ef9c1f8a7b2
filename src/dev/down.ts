/** `bespoke dev down`: stops exactly the processes named in the pid files, then removes the state. */
import { existsSync, readdirSync, rmdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { COMPONENTS, ownedEntries, stateLayout, type Component } from "./layout.js";
import { isOurProcess, readPidFile, terminate } from "./processes.js";

export interface DownResult {
  readonly dir: string;
  readonly stopped: readonly Component[];
  /** Pid files whose process was gone or was not ours (a recycled pid): not signalled. */
  readonly stale: readonly Component[];
  readonly found: boolean;
}

export async function devDown(dir: string, keepLogs = false): Promise<DownResult> {
  const l = stateLayout(resolve(dir));
  const stopped: Component[] = [];
  const stale: Component[] = [];
  // Controller-manager first, etcd last: each server outlives its clients.
  for (const c of [...COMPONENTS].reverse()) {
    const pid = readPidFile(l.pidFile(c));
    if (pid === undefined) continue;
    if (isOurProcess(pid, l.dir)) {
      await terminate(pid);
      stopped.push(c);
    } else stale.push(c);
  }
  const owned = ownedEntries(l).filter((p) => existsSync(p) && !(keepLogs && p.endsWith(".log")));
  for (const p of owned) rmSync(p, { recursive: true, force: true });
  if (existsSync(l.dir) && readdirSync(l.dir).length === 0) rmdirSync(l.dir);
  return { dir: l.dir, stopped, stale, found: owned.length > 0 };
}
