import { readdir, stat } from "node:fs/promises";
import { join, relative, isAbsolute } from "node:path";

/** Dockerfile, Containerfile, *.Dockerfile, Dockerfile.* (any case of the extension part). */
export function isDockerfileName(name: string): boolean {
  return (
    /^(Dockerfile|Containerfile)$/.test(name) ||
    /\.(Dockerfile|Containerfile)$/i.test(name) ||
    /^(Dockerfile|Containerfile)\.[^/]+$/.test(name)
  );
}

const skipDirs = new Set([".git", "node_modules", ".hg", ".svn", "vendor"]);

export interface Discovered {
  readonly files: string[];
  /** Paths given that do not exist, and directories holding no Dockerfile. */
  readonly missing: string[];
  readonly empty: string[];
}

/** Expands the paths given on the command line; explicit files are taken whatever their name. */
export async function discoverDockerfiles(paths: readonly string[], cwd: string): Promise<Discovered> {
  const files = new Set<string>();
  const missing: string[] = [];
  const empty: string[] = [];
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : join(cwd, p);
    let st;
    try {
      st = await stat(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      await walk(abs, found);
      if (found.length === 0) empty.push(p);
      for (const f of found) files.add(display(f, cwd, p, abs));
    } else {
      files.add(p);
    }
  }
  return { files: [...files].sort(), missing, empty };
}

function display(file: string, cwd: string, given: string, givenAbs: string): string {
  if (isAbsolute(given)) return file;
  const rel = relative(cwd, file);
  return rel.startsWith("..") ? join(given, relative(givenAbs, file)) : rel;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!skipDirs.has(e.name)) await walk(join(dir, e.name), out);
    } else if (e.isFile() && isDockerfileName(e.name)) {
      out.push(join(dir, e.name));
    }
  }
}
