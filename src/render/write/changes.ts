import type { OwnedManifest } from "./manifest.js";
import { manifestPath, sha256 } from "./manifest.js";

export interface Changes {
  /** New or changed files to write. */
  readonly write: readonly string[];
  /** Owned files no longer rendered. */
  readonly remove: readonly string[];
  readonly unchanged: readonly string[];
  /** Files edited by hand (or not ours) that the write would overwrite or delete. */
  readonly conflicts: readonly string[];
}

/**
 * Pure decision of what a write does. `disk` holds the current content hash of every path of interest
 * (undefined: absent). A file conflicts when the write would change it and it is not what we last wrote.
 */
export function computeChanges(
  desired: ReadonlyMap<string, string>,
  previous: OwnedManifest | undefined,
  disk: ReadonlyMap<string, string | undefined>,
): Changes {
  const owned = previous?.files ?? {};
  const write: string[] = [];
  const unchanged: string[] = [];
  const remove: string[] = [];
  const conflicts: string[] = [];
  for (const [path, text] of desired) {
    const now = disk.get(path);
    const want = sha256(text);
    if (now === want) {
      unchanged.push(path);
      continue;
    }
    write.push(path);
    // The manifest itself is always ours to rewrite.
    if (now !== undefined && path !== manifestPath && owned[path] !== now) conflicts.push(path);
  }
  for (const path of Object.keys(owned)) {
    if (desired.has(path)) continue;
    const now = disk.get(path);
    if (now === undefined) continue;
    remove.push(path);
    if (owned[path] !== now) conflicts.push(path);
  }
  const sort = (a: string[]) => a.sort();
  return {
    write: sort(write),
    remove: sort(remove),
    unchanged: sort(unchanged),
    conflicts: sort([...new Set(conflicts)]),
  };
}
