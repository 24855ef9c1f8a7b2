import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync, chmodSync, createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { readTar, TarFormatError, type TarEntry } from "../../src/image/inspect/tar-entries.js";
import { header, makeTar } from "../support/image-tar.js";

async function entries(source: Readable): Promise<TarEntry[]> {
  const got: TarEntry[] = [];
  for await (const { entry } of readTar(source)) got.push(entry);
  return got;
}

async function failure(buf: Buffer): Promise<TarFormatError> {
  const err: unknown = await entries(Readable.from([buf])).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TarFormatError);
  return err as TarFormatError;
}

/** Archives written by GNU tar itself, in its own and the pax format, read back through tar-stream. */
describe("tar entries against GNU tar", () => {
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
    const got = await entries(createReadStream(file));
    const byPath = new Map(got.map((e) => [e.path.replace(/\/$/, ""), e]));
    expect(byPath.get("setuid")?.mode).toBe(0o4755);
    if (format !== "ustar") {
      expect(byPath.get(`dir/${long}/file.txt`)?.size).toBe(6);
      expect(byPath.get(`dir/${long}`)?.type).toBe("dir");
      expect(byPath.get("link")).toMatchObject({ type: "symlink", linkname: `../${"y".repeat(130)}` });
    }
  });

  it.each(["gnu", "pax"])("reads a UID too large for octal with --format=%s", async (format) => {
    const file = join(root, `uid-${format}.tar`);
    execFileSync("tar", [
      `--format=${format}`,
      "--owner=big:3000000",
      "--group=big:4000000",
      "-C",
      tree,
      "-cf",
      file,
      "setuid",
    ]);
    const [e] = await entries(createReadStream(file));
    expect(e).toMatchObject({ path: "setuid", uid: 3_000_000, gid: 4_000_000 });
  });
});

describe("tar entries: data offsets, bodies, memory", () => {
  it("gives each entry's data offset in the stream (used to read docker save members by range)", async () => {
    const tar = makeTar([
      { path: "a", content: "x".repeat(700) },
      { path: `${"long/".repeat(30)}b`, content: "hello" },
      { path: "d/", type: "dir" },
    ]);
    const got = await entries(Readable.from([tar]));
    expect(got.map((e) => [e.path, e.dataOffset])).toEqual([
      ["a", 512],
      [`${"long/".repeat(30)}b`, 512 + 1024 + 1024 + 512], // after a's padded body, a pax header and its records
      ["d/", 3072 + 512 + 512],
    ]);
    const b = got[1];
    expect(tar.subarray(b?.dataOffset ?? 0, (b?.dataOffset ?? 0) + 5).toString()).toBe("hello");
  });

  it("keeps only the bodies asked for, up to maxBody", async () => {
    const tar = makeTar([
      { path: "etc/passwd", content: "root:x:0:0::/root:/bin/sh\n" },
      { path: "etc/big", content: "y".repeat(3000) },
      { path: "etc/other", content: "z" },
    ]);
    const bodies: [string, string | undefined][] = [];
    for await (const { entry, body } of readTar(Readable.from([tar]), {
      keepBody: (e) => e.path !== "etc/other",
      maxBody: 2048,
    }))
      bodies.push([entry.path, body?.toString()]);
    expect(bodies).toEqual([
      ["etc/passwd", "root:x:0:0::/root:/bin/sh\n"],
      ["etc/big", undefined],
      ["etc/other", undefined],
    ]);
  });

  it("streams: an entry arrives once its header is read, long before its body is", async () => {
    const size = 1 << 30; // a 1 GiB file that is never materialised
    let produced = 0;
    function* gen(): Generator<Buffer> {
      const h = header("huge", { path: "huge" }, size, "0");
      produced += h.length;
      yield h;
      for (;;) {
        const chunk = Buffer.alloc(64 << 10);
        produced += chunk.length;
        yield chunk;
      }
    }
    let producedAtEntry = -1;
    for await (const { entry } of readTar(Readable.from(gen()))) {
      producedAtEntry = produced;
      expect(entry).toMatchObject({ path: "huge", size });
      break;
    }
    expect(producedAtEntry).toBeGreaterThan(0);
    expect(producedAtEntry).toBeLessThan(4 << 20);
  });

  it("reads the source to its end after the end-of-archive blocks (for the digest)", async () => {
    const tar = Buffer.concat([makeTar([{ path: "a", content: "1" }]), Buffer.alloc(8192)]);
    let read = 0;
    const src = Readable.from([tar.subarray(0, 2048), tar.subarray(2048)]);
    src.on("data", (c: Buffer) => (read += c.length));
    expect((await entries(src)).map((e) => e.path)).toEqual(["a"]);
    expect(read).toBe(tar.length);
  });
});

describe("tar entries: damaged archives say where", () => {
  const tar = makeTar([
    { path: "first", content: "1".repeat(600) },
    { path: "second", content: "2".repeat(5000) },
  ]);

  it("a truncation inside a body names the entry and the byte", async () => {
    const err = await failure(tar.subarray(0, 3000));
    expect(err.message).toBe("archive is truncated inside second (at byte 3000)");
    expect(err.offset).toBe(3000);
  });

  it("a truncation inside a header names the last good entry", async () => {
    const err = await failure(tar.subarray(0, 1536 + 100));
    expect(err.message).toBe("archive is truncated after first (at byte 1636)");
  });

  it("a corrupt header names the last good entry and its offset", async () => {
    const bad = Buffer.from(tar);
    bad[1536 + 10] = 0x41;
    const err = await failure(bad);
    expect(err.message).toBe(
      "tar header checksum mismatch (corrupt or not a tar archive) after first, at or after byte 1536",
    );
    expect(err.offset).toBe(1536);
  });

  it("junk, an empty stream, and a link that declares data", async () => {
    expect((await failure(Buffer.from("not a tar ".repeat(100)))).message).toMatch(
      /^tar header checksum mismatch/,
    );
    expect((await failure(Buffer.alloc(0))).message).toBe("empty archive: no tar header");
    const link = Buffer.concat([
      header("l", { path: "l", linkname: "target" }, 512, "2"),
      Buffer.alloc(512),
      Buffer.alloc(1024),
    ]);
    expect((await failure(link)).message).toBe(
      "symlink entry l declares 512 bytes of data (readers disagree on such archives) at byte 512",
    );
  });

  it("passes errors of the source itself through unchanged", async () => {
    const boom = new Error("boom");
    const src = new Readable({
      read() {
        this.destroy(boom);
      },
    });
    await expect(entries(src)).rejects.toBe(boom);
  });
});
