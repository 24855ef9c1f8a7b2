/**
 * The IO edge of manifest loading: walks paths, reads stdin, runs kustomize, enforces the size cap
 * before reading (memory stays bounded whatever the input), checks that the bytes are UTF-8 text,
 * and hands text to the pure parser. `readSources` stops at text (so `bespoke check` can parse on
 * several threads); `loadInputs` parses too.
 */
import { readdir, stat } from "node:fs/promises";
import { readFileSync, statSync } from "node:fs";
import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { diagnostic, type Diagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";
import { looksBinary, parseManifests, type LoadedObject } from "./parse.js";

export const defaultMaxBytes = 32 * 1024 * 1024;

export interface LoadOptions {
  readonly readStdin: () => Promise<string>;
  readonly kustomize: boolean;
  readonly maxBytes?: number;
  /** Relative paths are read from here but reported as given. */
  readonly cwd?: string;
}

/** One input's text, named as the user will see it in findings (the path as given, `-`, …). */
export interface Source {
  readonly name: string;
  readonly text: string;
}

/** What reading gave, in input order: a text to parse, or why there is none. */
export type SourceEntry =
  | { readonly source: Source; readonly error?: undefined }
  | { readonly source?: undefined; readonly error: Diagnostic };

export interface SourcesResult {
  readonly entries: SourceEntry[];
  /** Every file looked at, in order. */
  readonly inputs: string[];
}

export interface LoadResult {
  readonly objects: LoadedObject[];
  readonly errors: Diagnostic[];
  /** Every file looked at, in order. */
  readonly inputs: string[];
}

const manifestFile = /\.ya?ml$/i;
// Kustomize and Helm configuration files sit next to manifests but are not cluster objects.
const notManifests = new Set(["kustomization.yaml", "kustomization.yml", "Chart.yaml", "values.yaml"]);

export async function readSources(paths: readonly string[], opts: LoadOptions): Promise<SourcesResult> {
  const out: SourcesResult = { entries: [], inputs: [] };
  const maxBytes = opts.maxBytes ?? defaultMaxBytes;
  const cwd = opts.cwd ?? process.cwd();
  const real = (p: string): string => resolve(cwd, p);
  for (const p of paths) {
    if (p === "-") {
      out.inputs.push("-");
      const text = await opts.readStdin();
      out.entries.push(textEntry(Buffer.from(text, "utf8"), "-", maxBytes));
      continue;
    }
    let st;
    try {
      st = await stat(real(p));
    } catch {
      out.entries.push({
        error: diagnostic(
          Codes.checkNotFound,
          `no such file or directory: ${p}`,
          { file: p },
          "check the path",
        ),
      });
      continue;
    }
    if (opts.kustomize && st.isDirectory()) {
      out.inputs.push(p);
      out.entries.push(await kustomize(p, real(p), maxBytes));
    } else if (st.isDirectory()) {
      for (const f of await walk(p, real)) out.entries.push(readFile(f, real(f), maxBytes, out.inputs));
    } else {
      out.entries.push(readFile(p, real(p), maxBytes, out.inputs));
    }
  }
  return out;
}

/** Reads and parses every input: objects and errors in input order. */
export async function loadInputs(paths: readonly string[], opts: LoadOptions): Promise<LoadResult> {
  const { entries, inputs } = await readSources(paths, opts);
  const out: LoadResult = { objects: [], errors: [], inputs };
  for (const e of entries) {
    if (e.error) {
      out.errors.push(e.error);
      continue;
    }
    const r = parseManifests(e.source.text, e.source.name);
    out.objects.push(...r.objects);
    out.errors.push(...r.errors);
  }
  return out;
}

async function walk(dir: string, real: (p: string) => string): Promise<string[]> {
  const entries = await readdir(real(dir), { withFileTypes: true });
  const files: string[] = [];
  for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith(".")) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(full, real)));
    else if (e.isFile() && manifestFile.test(e.name) && !notManifests.has(e.name)) files.push(full);
  }
  return files;
}

// Synchronous on purpose: for thousands of small manifests the thread-pool round trips of
// fs/promises cost more than the reads (bench/check).
function readFile(file: string, path: string, maxBytes: number, inputs: string[]): SourceEntry {
  inputs.push(file);
  const st = statSync(path);
  if (st.size > maxBytes) return { error: tooLarge(file, st.size, maxBytes) };
  return textEntry(readFileSync(path), file, maxBytes);
}

function tooLarge(file: string, size: number, maxBytes: number): Diagnostic {
  return diagnostic(
    Codes.checkFileTooLarge,
    `file is ${Math.ceil(size / 1048576)} MiB, above the ${Math.floor(maxBytes / 1048576)} MiB limit`,
    { file },
    "split it into smaller files; manifests this large are usually generated data, not configuration",
  );
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function textEntry(bytes: Buffer, file: string, maxBytes: number): SourceEntry {
  if (bytes.length > maxBytes) return { error: tooLarge(file, bytes.length, maxBytes) };
  if (looksBinary(bytes)) {
    return {
      error: diagnostic(
        Codes.checkBinaryFile,
        "binary file, not YAML",
        { file },
        "leave it out of the paths checked",
      ),
    };
  }
  try {
    return { source: { name: file, text: utf8.decode(bytes) } };
  } catch {
    return {
      error: diagnostic(Codes.checkBinaryFile, "not valid UTF-8 text", { file }, "save the file as UTF-8"),
    };
  }
}

async function kustomize(dir: string, path: string, maxBytes: number): Promise<SourceEntry> {
  const label = `${dir} (kustomize)`;
  return new Promise((resolve) => {
    execFile(
      "kubectl",
      ["kustomize", path],
      { maxBuffer: maxBytes, encoding: "buffer" },
      (err, stdout, stderr) => {
        if (err) {
          const notFound = (err as NodeJS.ErrnoException).code === "ENOENT";
          const msg = notFound
            ? "--kustomize needs kubectl on PATH (kubectl kustomize), which was not found"
            : `kubectl kustomize failed: ${String(stderr).trim().split("\n")[0] ?? err.message}`;
          resolve({
            error: diagnostic(
              Codes.checkKustomize,
              msg,
              { file: dir },
              notFound
                ? "install kubectl, or run `kustomize build DIR | bespoke check -`"
                : "run `kubectl kustomize DIR` to see the full error",
            ),
          });
          return;
        }
        resolve(textEntry(stdout, label, maxBytes));
      },
    );
  });
}
