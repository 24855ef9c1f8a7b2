import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Readable } from "node:stream";
import { LayeredFs } from "../../src/image/inspect/layered-fs.js";
import { readTar, TarFormatError, type TarEntry } from "../../src/image/inspect/tar-entries.js";
import { makeTar, type TarMember } from "../support/image-tar.js";

const name = fc.constantFrom("a", "b", "c", "bin", "etc");
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((p) => p.join("/"));

type Op =
  | { kind: "file" | "dir"; path: string }
  | { kind: "whiteout"; path: string }
  | { kind: "opaque"; path: string };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("file" as const), path }),
  fc.record({ kind: fc.constant("dir" as const), path }),
  fc.record({ kind: fc.constant("whiteout" as const), path }),
  fc.record({ kind: fc.constant("opaque" as const), path }),
);

const entry = (p: string, type: TarEntry["type"]): TarEntry => ({
  path: p,
  type,
  mode: type === "dir" ? 0o755 : 0o644,
  uid: 0,
  gid: 0,
  size: 0,
  linkname: "",
  dataOffset: 0,
});

/** A deliberately naive model: a set of paths, whiteouts delete by prefix. */
function model(layers: Op[][]): string[] {
  const paths = new Map<string, { type: string; layer: number }>();
  const parents = (p: string) =>
    p
      .split("/")
      .slice(0, -1)
      .map((_, i, a) => a.slice(0, i + 1).join("/"));
  layers.forEach((ops, layer) => {
    for (const o of ops) {
      const drop = (prefix: string, keepLayer?: number) => {
        for (const [k, v] of [...paths])
          if ((k === prefix || k.startsWith(prefix + "/")) && v.layer !== keepLayer) paths.delete(k);
      };
      if (o.kind === "whiteout") {
        const dir = parents(o.path).pop();
        if (dir === undefined || paths.get(dir)?.type === "dir") drop(o.path);
        continue;
      }
      for (const p of parents(o.path)) {
        const cur = paths.get(p);
        if (!cur) paths.set(p, { type: "dir", layer });
        else if (cur.type !== "dir") {
          drop(p);
          paths.set(p, { type: "dir", layer });
        }
      }
      if (o.kind === "opaque") {
        // The marker's directory exists in this layer: a lower non-directory there is replaced,
        // like any parent of an entry.
        const cur = paths.get(o.path);
        if (!cur) paths.set(o.path, { type: "dir", layer });
        else if (cur.type !== "dir") {
          drop(o.path);
          paths.set(o.path, { type: "dir", layer });
        }
        for (const [k, v] of [...paths])
          if (
            k.startsWith(o.path + "/") &&
            k.split("/").length === o.path.split("/").length + 1 &&
            v.layer !== layer
          )
            drop(k);
        continue;
      }
      const cur = paths.get(o.path);
      if (o.kind === "file") drop(o.path);
      paths.set(o.path, {
        type: o.kind,
        layer: cur && cur.type === "dir" && o.kind === "dir" ? layer : layer,
      });
    }
  });
  return [...paths.keys()].map((k) => "/" + k).sort();
}

function apply(layers: Op[][]): string[] {
  const fs = new LayeredFs();
  layers.forEach((ops, layer) => {
    for (const o of ops) {
      const dir = o.path.split("/").slice(0, -1).join("/");
      const base = o.path.split("/").pop() ?? "";
      if (o.kind === "whiteout") fs.apply(entry(`${dir ? dir + "/" : ""}.wh.${base}`, "file"), layer);
      else if (o.kind === "opaque") fs.apply(entry(`${o.path}/.wh..wh..opq`, "file"), layer);
      else fs.apply(entry(o.path, o.kind), layer);
    }
  });
  const all = [...fs.walk()].map(([p]) => p).sort();
  expect(fs.pathCount).toBe(all.length);
  return all;
}

describe("layered filesystem", () => {
  it("matches a naive model for any sequence of adds, whiteouts and opaque markers", () => {
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 8 }), { minLength: 1, maxLength: 4 }), (layers) => {
        expect(apply(layers)).toEqual(model(layers));
      }),
      { numRuns: Number(process.env.LAYER_RUNS ?? 500) },
    );
  });

  it("keeps a directory an opaque marker implies over a lower file, whatever the markers' order", () => {
    // Found by the property above: layer 1 marks a/b opaque (so a/b is a directory of layer 1)
    // and then a; a's marker hides only lower entries, not layer 1's a/b.
    const layers: Op[][] = [
      [{ kind: "file", path: "a/b" }],
      [
        { kind: "opaque", path: "a/b" },
        { kind: "opaque", path: "a" },
      ],
    ];
    expect(apply(layers)).toEqual(["/a", "/a/b"]);
    expect(model(layers)).toEqual(["/a", "/a/b"]);
  });
});

const member: fc.Arbitrary<TarMember> = fc.oneof(
  fc.record({
    path: fc.stringMatching(/^[a-z]{1,8}(\/[a-z0-9._-]{1,60}){0,4}$/),
    content: fc.string({ maxLength: 1200 }),
    mode: fc.integer({ min: 0, max: 0o7777 }),
    uid: fc.integer({ min: 0, max: 70000 }),
  }),
  fc.record({
    path: fc.stringMatching(/^[a-z]{1,8}$/),
    type: fc.constant("symlink" as const),
    linkname: fc.stringMatching(/^[a-z/.]{1,150}$/),
  }),
  fc.record({ path: fc.stringMatching(/^[a-z]{1,8}\/$/), type: fc.constant("dir" as const) }),
);

async function collect(buf: Buffer, chunk: number): Promise<TarEntry[]> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) chunks.push(buf.subarray(i, i + chunk));
  const out: TarEntry[] = [];
  for await (const { entry: e } of readTar(Readable.from(chunks))) out.push(e);
  return out;
}

describe("tar reader", () => {
  it("reads back what was written, whatever the chunking (long names through pax)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(member, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 3000 }),
        async (members, chunk) => {
          const got = await collect(makeTar(members), chunk);
          expect(got.map((e) => [e.path, e.type, e.size, e.linkname])).toEqual(
            members.map((m) => [
              m.path,
              m.type ?? "file",
              m.type === undefined ? Buffer.byteLength(m.content ?? "") : 0,
              m.linkname ?? "",
            ]),
          );
          members.forEach((m, i) => {
            if (m.mode !== undefined) expect(got[i]?.mode).toBe(m.mode);
            if (m.uid !== undefined) expect(got[i]?.uid).toBe(m.uid);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("rejects any truncation inside the archive with an offset, never hangs or crashes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(member, { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (members, frac) => {
          const full = makeTar(members);
          const dataEnd = full.length - 1024; // before the end-of-archive blocks
          const cut = Math.floor(frac * dataEnd);
          const r = collect(full.subarray(0, cut), 700);
          if (cut % 512 === 0 && cut > 0) {
            // A cut on a header boundary reads as an archive without its end marker, as GNU tar accepts.
            await r.catch((e: unknown) => expect(e).toBeInstanceOf(TarFormatError));
          } else {
            await expect(r).rejects.toBeInstanceOf(TarFormatError);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
