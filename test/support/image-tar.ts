import { createHash } from "node:crypto";
import { gzipSync, zstdCompressSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One member of a tar archive written by the tests (ustar, with a pax header for long names). */
export interface TarMember {
  readonly path: string;
  readonly type?: "file" | "dir" | "symlink" | "hardlink";
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
  readonly content?: string | Buffer;
  readonly linkname?: string;
}

const flags = { file: "0", hardlink: "1", symlink: "2", dir: "5" } as const;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, "0") + "\0";
}

/** One 512-byte ustar header. */
export function header(name: string, m: TarMember, size: number, flag: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0, "utf8");
  h.write(octal(m.mode ?? (m.type === "dir" ? 0o755 : 0o644), 8), 100, "ascii");
  h.write(octal(m.uid ?? 0, 8), 108, "ascii");
  h.write(octal(m.gid ?? 0, 8), 116, "ascii");
  h.write(octal(size, 12), 124, "ascii");
  h.write(octal(0, 12), 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write(flag, 156, "ascii");
  h.write((m.linkname ?? "").slice(0, 100), 157, "utf8");
  h.write("ustar\u000000", 257, "binary");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + " ", 148, "ascii");
  return h;
}

function pad(b: Buffer): Buffer {
  const rest = b.length % 512;
  return rest === 0 ? b : Buffer.concat([b, Buffer.alloc(512 - rest)]);
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = body.length + 1;
  while (String(len).length + body.length !== len) len = String(len).length + body.length;
  return `${len}${body}`;
}

/** Builds an uncompressed tar archive in memory. */
export function makeTar(members: readonly TarMember[]): Buffer {
  const parts: Buffer[] = [];
  for (const m of members) {
    const type = m.type ?? "file";
    const data = type === "file" ? Buffer.from(m.content ?? "") : Buffer.alloc(0);
    const long = Buffer.byteLength(m.path) > 100 || Buffer.byteLength(m.linkname ?? "") > 100;
    if (long) {
      const pax = Buffer.from(
        paxRecord("path", m.path) + (m.linkname ? paxRecord("linkpath", m.linkname) : ""),
      );
      parts.push(header("PaxHeader", {} as TarMember, pax.length, "x"), pad(pax));
    }
    parts.push(header(m.path, m, data.length, flags[type]));
    if (data.length > 0) parts.push(pad(data));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

export interface TestImageSpec {
  readonly layers: readonly (readonly TarMember[])[];
  readonly config?: Record<string, unknown>;
  /** Store layers gzip-compressed (default) or as plain tar. */
  readonly gzip?: boolean;
  readonly zstd?: boolean;
  /** Put the manifest behind a multi-platform index (arm64 first, then amd64). */
  readonly nestedIndex?: boolean;
}

interface Blobs {
  readonly blobs: Map<string, Buffer>;
  readonly manifestDigest: string;
  readonly configDigest: string;
  readonly layerDigests: string[];
}

function blobsOf(spec: TestImageSpec): Blobs {
  const blobs = new Map<string, Buffer>();
  const layerDigests: string[] = [];
  const diffIds: string[] = [];
  for (const members of spec.layers) {
    const tar = makeTar(members);
    const stored = spec.zstd ? zstdCompressSync(tar) : spec.gzip === false ? tar : gzipSync(tar);
    const d = sha(stored);
    blobs.set(d, stored);
    layerDigests.push(d);
    diffIds.push(`sha256:${sha(tar)}`);
  }
  const config = Buffer.from(
    JSON.stringify({
      architecture: "amd64",
      os: "linux",
      config: spec.config ?? {},
      rootfs: { type: "layers", diff_ids: diffIds },
    }),
  );
  const configDigest = sha(config);
  blobs.set(configDigest, config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: {
        mediaType: "application/vnd.oci.image.config.v1+json",
        digest: `sha256:${configDigest}`,
        size: config.length,
      },
      layers: layerDigests.map((d) => ({
        mediaType: `application/vnd.oci.image.layer.v1.tar${spec.gzip === false ? "" : "+gzip"}`,
        digest: `sha256:${d}`,
        size: blobs.get(d)?.length ?? 0,
      })),
    }),
  );
  const manifestDigest = sha(manifest);
  blobs.set(manifestDigest, manifest);
  return { blobs, manifestDigest, configDigest, layerDigests };
}

function indexJson(b: Blobs): string {
  return JSON.stringify({
    schemaVersion: 2,
    manifests: [
      {
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        digest: `sha256:${b.manifestDigest}`,
        size: b.blobs.get(b.manifestDigest)?.length ?? 0,
      },
    ],
  });
}

/** index.json → an image index listing an arm64 manifest that does not exist and the real amd64 one. */
function nestedIndexJson(b: Blobs): string {
  const inner = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.index.v1+json",
      manifests: [
        {
          mediaType: "application/vnd.oci.image.manifest.v1+json",
          digest: `sha256:${"0".repeat(64)}`,
          size: 1,
          platform: { os: "linux", architecture: "arm64" },
        },
        {
          mediaType: "application/vnd.oci.image.manifest.v1+json",
          digest: `sha256:${b.manifestDigest}`,
          size: b.blobs.get(b.manifestDigest)?.length ?? 0,
          platform: { os: "linux", architecture: "amd64" },
        },
      ],
    }),
  );
  const d = sha(inner);
  b.blobs.set(d, inner);
  return JSON.stringify({
    schemaVersion: 2,
    manifests: [
      { mediaType: "application/vnd.oci.image.index.v1+json", digest: `sha256:${d}`, size: inner.length },
    ],
  });
}

/** Writes an OCI image layout directory. */
export function writeOciLayout(dir: string, spec: TestImageSpec): string {
  const b = blobsOf(spec);
  const index = spec.nestedIndex ? nestedIndexJson(b) : indexJson(b);
  mkdirSync(join(dir, "blobs", "sha256"), { recursive: true });
  for (const [d, data] of b.blobs) writeFileSync(join(dir, "blobs", "sha256", d), data);
  writeFileSync(join(dir, "index.json"), index);
  writeFileSync(join(dir, "oci-layout"), '{"imageLayoutVersion":"1.0.0"}');
  return dir;
}

/** The same image as one OCI archive (a tar of the layout). */
export function ociArchive(spec: TestImageSpec): Buffer {
  const b = blobsOf(spec);
  return makeTar([
    { path: "oci-layout", content: '{"imageLayoutVersion":"1.0.0"}' },
    { path: "index.json", content: indexJson(b) },
    { path: "blobs/", type: "dir" },
    { path: "blobs/sha256/", type: "dir" },
    ...[...b.blobs].map(([d, data]) => ({ path: `blobs/sha256/${d}`, content: data })),
  ]);
}

/** The same image as `docker save` writes it (legacy layout: <id>/layer.tar, manifest.json last). */
export function dockerSaveArchive(spec: TestImageSpec): Buffer {
  const b = blobsOf({ ...spec, gzip: false });
  const members: TarMember[] = [];
  const layers: string[] = [];
  for (const d of b.layerDigests) {
    members.push(
      { path: `${d}/`, type: "dir" },
      { path: `${d}/layer.tar`, content: b.blobs.get(d) ?? Buffer.alloc(0) },
    );
    layers.push(`${d}/layer.tar`);
  }
  members.push({ path: `${b.configDigest}.json`, content: b.blobs.get(b.configDigest) ?? Buffer.alloc(0) });
  members.push({
    path: "manifest.json",
    content: JSON.stringify([{ Config: `${b.configDigest}.json`, RepoTags: ["test:1"], Layers: layers }]),
  });
  return makeTar(members);
}
