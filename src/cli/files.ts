import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, basename, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { BespokeInputError, diagnostic } from "../core/diagnostics.js";
import { Codes } from "../core/codes.js";

/**
 * Reads a user's file (relative to `cwd`), turning "not there" and "not a file" into input errors
 * with a hint. Messages name the path as the user wrote it.
 */
export function readUserFile(cwd: string, path: string, hint: string): string {
  const abs = resolve(cwd, path);
  try {
    const st = statSync(abs);
    if (st.isDirectory()) {
      throw new BespokeInputError([
        diagnostic(Codes.specNotFound, `${path} is a directory, not a file`, { file: path }, hint),
      ]);
    }
    return readFileSync(abs, "utf8");
  } catch (e) {
    if (e instanceof BespokeInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new BespokeInputError([
      diagnostic(
        Codes.specNotFound,
        code === "ENOENT" ? `${path} does not exist` : `cannot read ${path} (${code ?? "error"})`,
        { file: path },
        hint,
      ),
    ]);
  }
}

/** Writes a file atomically: a temp file in the same directory, then rename, so readers never see half. */
export function writeFileAtomic(path: string, content: string): void {
  const abs = resolve(path);
  const dir = dirname(abs);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new BespokeInputError([
      diagnostic(Codes.cliWrite, `cannot create ${dir} (${(e as NodeJS.ErrnoException).code ?? "error"})`, {
        file: path,
      }),
    ]);
  }
  const tmp = join(dir, `.${basename(abs)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(tmp, content, { flag: "wx" });
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new BespokeInputError([
      diagnostic(
        Codes.cliWrite,
        `cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? "error"})`,
        { file: path },
        "check the directory exists and is writable",
      ),
    ]);
  }
}

export function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
