import { afterEach, describe, expect, it } from "vitest";
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync,
  mkdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { realFs, writeTree, type WriterFs } from "../../src/render/write/writer.js";
import { BespokeInputError } from "../../src/core/diagnostics.js";
import { Codes } from "../../src/core/codes.js";
import { diffTrees } from "../../src/render/write/diff.js";

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), "bespoke-render-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const v1 = new Map([
  ["a.yaml", "a: 1\n"],
  ["sub/b.yaml", "b: 1\n"],
  ["gone/c.yaml", "c: 1\n"],
]);
const v2 = new Map([
  ["a.yaml", "a: 2\n"],
  ["sub/b.yaml", "b: 1\n"],
]);

function codesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof BespokeInputError) return e.diagnostics.map((d) => d.code);
    throw e;
  }
  return [];
}

describe("render writer", () => {
  it("writes a new tree with a manifest, and re-rendering the same tree writes nothing", () => {
    const out = join(tmp(), "repo");
    const r1 = writeTree(out, v1, { force: false });
    expect(r1.write).toContain("a.yaml");
    expect(JSON.parse(readFileSync(join(out, ".bespoke/manifest.json"), "utf8")).files["a.yaml"]).toMatch(
      /^[0-9a-f]{64}$/,
    );
    let calls = 0;
    const counting: WriterFs = {
      ...realFs,
      writeFileSync: (p, d) => {
        calls++;
        realFs.writeFileSync(p, d);
      },
      renameSync: (a, b) => {
        calls++;
        realFs.renameSync(a, b);
      },
    };
    const r2 = writeTree(out, v1, { force: false }, counting);
    expect(r2.write).toEqual([]);
    expect(calls).toBe(0);
  });

  it("writes only changed files and removes owned files no longer rendered (and their empty dirs)", () => {
    const out = join(tmp(), "repo");
    writeTree(out, v1, { force: false });
    writeFileSync(join(out, "mine.txt"), "user file\n");
    const r = writeTree(out, v2, { force: false });
    expect(r.write).toEqual([".bespoke/manifest.json", "a.yaml"]);
    expect(r.remove).toEqual(["gone/c.yaml"]);
    expect(existsSync(join(out, "gone"))).toBe(false);
    expect(readFileSync(join(out, "a.yaml"), "utf8")).toBe("a: 2\n");
    expect(readFileSync(join(out, "mine.txt"), "utf8")).toBe("user file\n");
  });

  it("refuses to overwrite a hand-edited file, names it, and --force overwrites", () => {
    const out = join(tmp(), "repo");
    writeTree(out, v1, { force: false });
    writeFileSync(join(out, "a.yaml"), "a: edited by hand\n");
    let err: BespokeInputError | undefined;
    try {
      writeTree(out, v2, { force: false });
    } catch (e) {
      err = e as BespokeInputError;
    }
    expect(err?.diagnostics.map((d) => d.code)).toEqual([Codes.renderHandEdited]);
    expect(err?.diagnostics[0]?.location?.file).toBe(join(out, "a.yaml"));
    // Nothing was written: the hand edit and the file to be removed are both still there.
    expect(readFileSync(join(out, "a.yaml"), "utf8")).toBe("a: edited by hand\n");
    expect(existsSync(join(out, "gone/c.yaml"))).toBe(true);
    writeTree(out, v2, { force: true });
    expect(readFileSync(join(out, "a.yaml"), "utf8")).toBe("a: 2\n");
  });

  it("names only the hand-edited files; the edit survives the refused re-render", () => {
    const out = join(tmp(), "repo");
    writeTree(out, v1, { force: false });
    writeFileSync(join(out, "sub/b.yaml"), "b: mine\n");
    let err: BespokeInputError | undefined;
    try {
      writeTree(out, new Map([...v1, ["a.yaml", "a: 3\n"]]), { force: false });
    } catch (e) {
      err = e as BespokeInputError;
    }
    expect(err?.diagnostics.map((d) => d.location?.file)).toEqual([join(out, "sub/b.yaml")]);
    expect(readFileSync(join(out, "sub/b.yaml"), "utf8")).toBe("b: mine\n");
    expect(readFileSync(join(out, "a.yaml"), "utf8")).toBe("a: 1\n");
  });

  it("refuses a non-empty directory Bespoke did not render, and an --out that is a file", () => {
    const base = tmp();
    mkdirSync(join(base, "theirs"));
    writeFileSync(join(base, "theirs", "x.txt"), "x");
    expect(codesOf(() => writeTree(join(base, "theirs"), v1, { force: true }))).toEqual([
      Codes.renderOutNotOurs,
    ]);
    expect(readdirSync(join(base, "theirs"))).toEqual(["x.txt"]);
    writeFileSync(join(base, "file"), "x");
    expect(codesOf(() => writeTree(join(base, "file"), v1, { force: false }))).toEqual([
      Codes.renderOutIsFile,
    ]);
    expect(readdirSync(base).sort()).toEqual(["file", "theirs"]);
  });

  it("a crash mid-write leaves the previous tree intact and no temp dir behind", () => {
    const base = tmp();
    const out = join(base, "repo");
    writeTree(out, v1, { force: false });
    const before = readFileSync(join(out, ".bespoke/manifest.json"), "utf8");
    let n = 0;
    const failing: WriterFs = {
      ...realFs,
      writeFileSync: (p, d) => {
        if (++n === 2) throw Object.assign(new Error("disk full"), { code: "ENOSPC" });
        realFs.writeFileSync(p, d);
      },
    };
    expect(codesOf(() => writeTree(out, v2, { force: false }, failing))).toEqual([Codes.renderWriteFailed]);
    expect(readFileSync(join(out, "a.yaml"), "utf8")).toBe("a: 1\n");
    expect(readFileSync(join(out, "gone/c.yaml"), "utf8")).toBe("c: 1\n");
    expect(readFileSync(join(out, ".bespoke/manifest.json"), "utf8")).toBe(before);
    expect(readdirSync(base)).toEqual(["repo"]);
  });

  it("keeps user files and .git through the swap as hard links (no data copied), symlinks verbatim", () => {
    const out = join(tmp(), "repo");
    writeTree(out, v1, { force: false });
    mkdirSync(join(out, ".git", "objects", "ab"), { recursive: true });
    writeFileSync(join(out, ".git", "HEAD"), "ref: refs/heads/main\n");
    writeFileSync(join(out, ".git", "objects", "ab", "cdef"), "blob");
    writeFileSync(join(out, "sub", "mine.yaml"), "mine: 1\n");
    symlinkSync("../a.yaml", join(out, "sub", "link.yaml"));
    const inode = (p: string) => statSync(join(out, p)).ino;
    const before = {
      head: inode(".git/HEAD"),
      obj: inode(".git/objects/ab/cdef"),
      mine: inode("sub/mine.yaml"),
    };

    const r = writeTree(out, v2, { force: false });
    expect(r.write).toContain("a.yaml");
    expect(readFileSync(join(out, "a.yaml"), "utf8")).toBe("a: 2\n");
    expect(existsSync(join(out, "gone"))).toBe(false);
    // The same files (same inodes), not copies, and their content untouched.
    expect({
      head: inode(".git/HEAD"),
      obj: inode(".git/objects/ab/cdef"),
      mine: inode("sub/mine.yaml"),
    }).toEqual(before);
    expect(statSync(join(out, ".git", "HEAD")).nlink).toBe(1);
    expect(readFileSync(join(out, ".git", "objects", "ab", "cdef"), "utf8")).toBe("blob");
    expect(readlinkSync(join(out, "sub", "link.yaml"))).toBe("../a.yaml");
    expect(readFileSync(join(out, "sub", "link.yaml"), "utf8")).toBe("a: 2\n");
  });

  it("copies instead where the filesystem refuses hard links", () => {
    const out = join(tmp(), "repo");
    writeTree(out, v1, { force: false });
    writeFileSync(join(out, "sub", "mine.yaml"), "mine: 1\n");
    const ino = statSync(join(out, "sub", "mine.yaml")).ino;
    let refused = 0;
    const noLinks: WriterFs = {
      ...realFs,
      linkSync: () => {
        refused++;
        throw Object.assign(new Error("not supported"), { code: "EPERM" });
      },
    };
    writeTree(out, v2, { force: false }, noLinks);
    expect(refused).toBeGreaterThan(0);
    expect(readFileSync(join(out, "sub", "mine.yaml"), "utf8")).toBe("mine: 1\n");
    expect(statSync(join(out, "sub", "mine.yaml")).ino).not.toBe(ino);
    expect(readFileSync(join(out, "a.yaml"), "utf8")).toBe("a: 2\n");
  });

  it("a kill between the two renames is recovered by the next run", () => {
    const base = tmp();
    const out = join(base, "repo");
    writeTree(out, v1, { force: false });
    let renames = 0;
    const killed: WriterFs = {
      ...realFs,
      renameSync: (a, b) => {
        if (++renames === 2) throw Object.assign(new Error("killed"), { code: "EINTR" });
        realFs.renameSync(a, b);
      },
      // Simulate the process dying: no cleanup runs after the failure.
      statSync: realFs.statSync,
    };
    try {
      writeTree(out, v2, { force: false }, { ...killed, rmSync: () => undefined });
    } catch {
      // expected
    }
    // Whatever the crash left, the next run sees the previous complete tree.
    const r = writeTree(out, v1, { force: false });
    expect(r.write).toEqual([]);
    expect(readFileSync(join(out, "a.yaml"), "utf8")).toBe("a: 1\n");
    expect(readdirSync(base)).toEqual(["repo"]);
  });

  it("diff shows changed, added and removed files in unified form", () => {
    const d = diffTrees(v1, v2);
    expect(d).toContain("--- a/a.yaml\n+++ b/a.yaml\n@@ -1,1 +1,1 @@\n-a: 1\n+a: 2\n");
    expect(d).toContain("--- a/gone/c.yaml\n+++ /dev/null\n");
    expect(d).not.toContain("sub/b.yaml");
    expect(diffTrees(v1, v1)).toBe("");
  });
});
