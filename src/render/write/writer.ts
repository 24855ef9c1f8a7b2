import * as nodeFs from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { BespokeInputError, diagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";
import type { RenderedTree } from "../types.js";
import { computeChanges, type Changes } from "./changes.js";
import { manifestPath, parseManifest, sha256, withManifest, type OwnedManifest } from "./manifest.js";

/** The few fs operations the writer uses; tests pass a version that fails on purpose. */
export interface WriterFs {
  readonly statSync: typeof nodeFs.statSync;
  readonly lstatSync: (p: string) => nodeFs.Stats;
  readonly linkSync: (existing: string, newPath: string) => void;
  readonly readdirSync: (p: string) => string[];
  readonly readFileSync: (p: string) => Buffer;
  readonly writeFileSync: (p: string, data: string) => void;
  readonly mkdirSync: (p: string, o: { recursive: true; mode?: number }) => unknown;
  readonly renameSync: (a: string, b: string) => void;
  readonly rmSync: (p: string, o: { recursive?: boolean; force?: boolean }) => void;
  readonly cpSync: (
    a: string,
    b: string,
    o: { recursive: true; preserveTimestamps: true; verbatimSymlinks: true },
  ) => void;
}

export const realFs: WriterFs = {
  statSync: nodeFs.statSync,
  lstatSync: (p) => nodeFs.lstatSync(p),
  linkSync: (a, b) => nodeFs.linkSync(a, b),
  readdirSync: (p) => nodeFs.readdirSync(p),
  readFileSync: (p) => nodeFs.readFileSync(p),
  writeFileSync: (p, d) => nodeFs.writeFileSync(p, d),
  mkdirSync: (p, o) => nodeFs.mkdirSync(p, o),
  renameSync: nodeFs.renameSync,
  rmSync: nodeFs.rmSync,
  cpSync: (a, b, o) => nodeFs.cpSync(a, b, o),
};

export interface WriteResult extends Changes {
  readonly out: string;
}

const fail = (code: string, message: string, file: string, hint?: string): never => {
  throw new BespokeInputError([diagnostic(code, message, { file }, hint)]);
};

function errnoOf(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? "error";
}

/** Sibling paths in the same filesystem, so the final swap is a rename and never a copy. */
export function swapPaths(out: string): { tmp: string; old: string } {
  const base = basename(out);
  return { tmp: join(dirname(out), `.${base}.bespoke-new`), old: join(dirname(out), `.${base}.bespoke-old`) };
}

/**
 * A previous run killed between the two renames left the old tree beside an absent output: put it
 * back, and drop a half-built new tree. Either way the user sees the last complete tree.
 */
function recover(out: string, fs: WriterFs): void {
  const { tmp, old } = swapPaths(out);
  const exists = (p: string) => {
    try {
      fs.statSync(p);
      return true;
    } catch {
      return false;
    }
  };
  if (!exists(out) && exists(old)) fs.renameSync(old, out);
  if (exists(old)) fs.rmSync(old, { recursive: true, force: true });
  if (exists(tmp)) fs.rmSync(tmp, { recursive: true, force: true });
}

/** What the output directory holds now: its manifest and the hashes of the paths that matter. */
export function readState(
  out: string,
  paths: Iterable<string>,
  fs: WriterFs = realFs,
): {
  exists: boolean;
  previous: OwnedManifest | undefined;
  disk: Map<string, string | undefined>;
  texts: Map<string, string>;
} {
  let st: nodeFs.Stats | undefined;
  try {
    st = fs.statSync(out);
  } catch (e) {
    if (errnoOf(e) !== "ENOENT")
      fail(
        Codes.renderWriteFailed,
        `cannot read ${out} (${errnoOf(e)})`,
        out,
        "check the permissions of the directory",
      );
  }
  if (st && !st.isDirectory()) {
    fail(
      Codes.renderOutIsFile,
      `${out} is a file, not a directory`,
      out,
      "give --out a directory (new, or one Bespoke rendered before)",
    );
  }
  const disk = new Map<string, string | undefined>();
  const texts = new Map<string, string>();
  if (!st) return { exists: false, previous: undefined, disk, texts };
  let entries: string[];
  try {
    entries = fs.readdirSync(out);
  } catch (e) {
    return fail(
      Codes.renderWriteFailed,
      `cannot read ${out} (${errnoOf(e)})`,
      out,
      "check the permissions of the directory",
    );
  }
  let previous: OwnedManifest | undefined;
  let manifestRaw: string | undefined;
  try {
    manifestRaw = fs.readFileSync(join(out, manifestPath)).toString("utf8");
  } catch {
    manifestRaw = undefined;
  }
  if (manifestRaw !== undefined) {
    previous = parseManifest(manifestRaw);
    if (!previous) {
      fail(
        Codes.renderBadManifest,
        `${join(out, manifestPath)} is not a manifest Bespoke wrote`,
        join(out, manifestPath),
        "restore it from Git, or render into a new directory",
      );
    }
  } else if (entries.length > 0) {
    fail(
      Codes.renderOutNotOurs,
      `${out} is not empty and was not rendered by Bespoke (no ${manifestPath})`,
      out,
      "render into a new or empty directory; Bespoke never overwrites files it did not write",
    );
  }
  const all = new Set([...paths, ...Object.keys(previous?.files ?? {})]);
  for (const p of [...all].sort()) {
    try {
      const buf = fs.readFileSync(join(out, p));
      disk.set(p, sha256(buf));
      texts.set(p, buf.toString("utf8"));
    } catch {
      disk.set(p, undefined);
    }
  }
  return { exists: true, previous, disk, texts };
}

/**
 * The one writer: refuses hand-edited or foreign files (unless force), writes nothing when nothing
 * changed, otherwise builds the complete new tree in a sibling temp dir and swaps it in by rename.
 */
export function writeTree(
  outArg: string,
  tree: RenderedTree,
  opts: { force: boolean },
  fs: WriterFs = realFs,
): WriteResult {
  const out = resolve(outArg);
  try {
    recover(out, fs);
  } catch (e) {
    fail(
      Codes.renderWriteFailed,
      `cannot clean up an earlier interrupted render next to ${out} (${errnoOf(e)})`,
      out,
    );
  }
  const desired = withManifest(tree);
  const state = readState(out, desired.keys(), fs);
  const changes = computeChanges(desired, state.previous, state.disk);
  if (changes.conflicts.length && !opts.force) {
    throw new BespokeInputError(
      changes.conflicts.map((p) =>
        diagnostic(
          Codes.renderHandEdited,
          `${p} was changed by hand since Bespoke rendered it (or was not written by Bespoke); not overwriting it`,
          { file: join(out, p) },
          "move your change into platform.yaml or a file of your own, or re-run with --force to overwrite",
        ),
      ),
    );
  }
  const meaningful = changes.write.filter((p) => p !== manifestPath);
  if (!meaningful.length && !changes.remove.length) return { out, ...changes, write: [] };

  const { tmp, old } = swapPaths(out);
  try {
    // Files about to be written or removed are left out, so no write can go through a shared link.
    if (state.exists) linkTree(out, tmp, fs, new Set([...changes.write, ...changes.remove]));
    else fs.mkdirSync(tmp, { recursive: true });
    for (const p of changes.remove) fs.rmSync(join(tmp, p), { force: true });
    for (const p of changes.write) {
      fs.mkdirSync(dirname(join(tmp, p)), { recursive: true });
      fs.writeFileSync(join(tmp, p), desired.get(p) ?? "");
    }
    removeEmptyDirs(tmp, changes.remove, fs);
  } catch (e) {
    try {
      fs.rmSync(tmp, { recursive: true, force: true });
    } catch {
      // Left for the next run's recovery; the output itself is untouched either way.
    }
    return fail(
      Codes.renderWriteFailed,
      `cannot write the rendered tree next to ${out} (${errnoOf(e)})`,
      out,
      "check free space and permissions of the parent directory; nothing was changed",
    );
  }
  try {
    if (state.exists) fs.renameSync(out, old);
    fs.renameSync(tmp, out);
  } catch (e) {
    // Put the previous tree back if the second rename failed; recover() does the same after a crash.
    try {
      recover(out, fs);
    } catch {
      // Nothing more to do here: the next run recovers.
    }
    return fail(
      Codes.renderWriteFailed,
      `cannot swap the rendered tree into ${out} (${errnoOf(e)})`,
      out,
      "nothing was changed; check permissions of the parent directory",
    );
  }
  try {
    fs.rmSync(old, { recursive: true, force: true });
  } catch {
    // A leftover old copy is harmless: recover() removes it next time.
  }
  return { out, ...changes };
}

/**
 * The new tree starts as a copy of the current one (user files and `.git` included) made of hard
 * links: directories are created, regular files are linked, so a repository of any size costs one
 * link per file and no data. `skip` (relative paths the writer is about to write or remove) is left
 * out, so nothing the writer does goes through a link into the current tree; Git replaces files by
 * rename, and removing either tree leaves the other intact. Where the filesystem refuses hard links,
 * and for symlinks and other special files, it copies instead.
 */
function linkTree(src: string, dst: string, fs: WriterFs, skip: ReadonlySet<string>, rel = ""): void {
  fs.mkdirSync(dst, { recursive: true, mode: fs.lstatSync(src).mode & 0o7777 });
  for (const name of fs.readdirSync(src).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    const s = join(src, name);
    const d = join(dst, name);
    const st = fs.lstatSync(s);
    if (st.isDirectory()) {
      linkTree(s, d, fs, skip, r);
      continue;
    }
    if (skip.has(r)) continue;
    if (st.isFile()) {
      try {
        fs.linkSync(s, d);
        continue;
      } catch {
        // EPERM/EMLINK/ENOTSUP…: fall through to a copy.
      }
    }
    fs.cpSync(s, d, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  }
}

function removeEmptyDirs(root: string, removed: readonly string[], fs: WriterFs): void {
  const dirs = new Set<string>();
  for (const p of removed) {
    let d = dirname(p);
    while (d !== "." && d !== "/") {
      dirs.add(d);
      d = dirname(d);
    }
  }
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    try {
      if (fs.readdirSync(join(root, d)).length === 0) fs.rmSync(join(root, d), { recursive: true });
    } catch {
      // Already gone.
    }
  }
}
