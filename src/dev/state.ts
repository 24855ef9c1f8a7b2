/** state.json: what `up` started, so `down` and `status` need nothing but the directory. */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Component, StateLayout } from "./layout.js";
import type { Ports } from "./flags.js";

export const STATE_KIND = "bespoke-dev-control-plane";

export interface DevState {
  readonly kind: typeof STATE_KIND;
  readonly kubernetesVersion: string;
  readonly server: string;
  readonly ports: Ports;
  readonly binaries: string;
  readonly pids: Partial<Record<Component, number>>;
}

export function writeFileAtomic(file: string, content: string, mode = 0o600): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode });
  renameSync(tmp, file);
}

export function writeState(l: StateLayout, s: DevState): void {
  writeFileAtomic(l.state, JSON.stringify(s, null, 2) + "\n", 0o644);
}

export function readState(l: StateLayout): DevState | undefined {
  if (!existsSync(l.state)) return undefined;
  try {
    const s = JSON.parse(readFileSync(l.state, "utf8")) as DevState;
    return s.kind === STATE_KIND ? s : undefined;
  } catch {
    return undefined;
  }
}
