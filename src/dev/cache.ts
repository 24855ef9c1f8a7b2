/**
 * The build cache of control-plane binaries: where it lives and whether an entry is intact.
 * A stamp.json written last by the build script lists the sha256 and size of every binary, so a
 * half-copied or tampered entry is detected and rebuilt instead of failing later in odd ways.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const BUILT_BINARIES = ["kube-apiserver", "kube-controller-manager", "kubectl", "etcd"] as const;

export function cacheRoot(env: NodeJS.ProcessEnv): string {
  if (env.BESPOKE_CACHE_DIR) return join(env.BESPOKE_CACHE_DIR, "control-plane");
  const xdg = env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache");
  return join(xdg, "bespoke", "control-plane");
}

interface StampEntry {
  readonly sha256: string;
  readonly size: number;
}
export interface Stamp {
  readonly kubernetes: string;
  readonly etcd: string;
  readonly binaries: Readonly<Record<string, StampEntry>>;
}

export type CacheState =
  | { readonly ok: true; readonly dir: string; readonly stamp: Stamp }
  | { readonly ok: false; readonly dir: string; readonly reason: string };

export function readStamp(dir: string): Stamp | string {
  const file = join(dir, "stamp.json");
  if (!existsSync(file)) return "no stamp.json (missing or interrupted build)";
  try {
    const s = JSON.parse(readFileSync(file, "utf8")) as Stamp;
    if (typeof s.kubernetes !== "string" || typeof s.binaries !== "object")
      return "stamp.json has the wrong shape";
    return s;
  } catch {
    return "stamp.json is not valid JSON";
  }
}

async function sha256File(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest("hex");
}

/** Checks every binary against the stamp; `full` also hashes (a second or so for ~300 MB). */
export async function verifyCacheDir(dir: string, full = true): Promise<CacheState> {
  const stamp = readStamp(dir);
  if (typeof stamp === "string") return { ok: false, dir, reason: stamp };
  for (const name of BUILT_BINARIES) {
    const entry = stamp.binaries[name];
    const file = join(dir, "bin", name);
    if (!entry) return { ok: false, dir, reason: `stamp.json does not list ${name}` };
    if (!existsSync(file)) return { ok: false, dir, reason: `${name} is missing` };
    if (statSync(file).size !== entry.size) return { ok: false, dir, reason: `${name} has the wrong size` };
    if (full && (await sha256File(file)) !== entry.sha256)
      return { ok: false, dir, reason: `${name} does not match its sha256 in stamp.json` };
  }
  return { ok: true, dir, stamp };
}
