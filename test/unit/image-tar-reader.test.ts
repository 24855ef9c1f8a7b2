import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync, chmodSync, createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTar, type TarEntry } from "../../src/image/inspect/tar-reader.js";

/** Archives written by GNU tar itself, in its own and the pax format, read back by our reader. */
describe("tar reader against GNU tar", () => {
  const root = mkdtempSync(join(tmpdir(), "bespoke-tar-"));
  const tree = join(root, "tree");
  const long = "x".repeat(120);
  mkdirSync(join(tree, "dir", long), { recursive: true });
  writeFileSync(join(tree, "dir", long, "file.txt"), "hello\n");
  writeFileSync(join(tree, "setuid"), "x");
  chmodSync(join(tree, "setuid"), 0o4755);
  symlinkSync(`../${"y".repeat(130)}`, join(tree, "link"));

  it.each(["gnu", "pax", "ustar"])("reads --format=%s", async (format) => {
    const file = join(root, `${format}.tar`);
    const names = format === "ustar" ? ["setuid"] : ["dir", "setuid", "link"];
    execFileSync("tar", [`--format=${format}`, "--sort=name", "-C", tree, "-cf", file, ...names]);
    const got: TarEntry[] = [];
    for await (const { entry } of readTar(createReadStream(file))) got.push(entry);
    const byPath = new Map(got.map((e) => [e.path.replace(/\/$/, ""), e]));
    expect(byPath.get("setuid")?.mode).toBe(0o4755);
    if (format !== "ustar") {
      expect(byPath.get(`dir/${long}/file.txt`)?.size).toBe(6);
      expect(byPath.get(`dir/${long}`)?.type).toBe("dir");
      expect(byPath.get("link")).toMatchObject({ type: "symlink", linkname: `../${"y".repeat(130)}` });
    }
  });
});
