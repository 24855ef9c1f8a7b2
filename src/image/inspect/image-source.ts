import * as fsSync from "node:fs";
import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { join, posix } from "node:path";
import { pipeline, type Readable } from "node:stream";
import { createGunzip, createZstdDecompress } from "node:zlib";
import { createHash } from "node:crypto";
import { z } from "zod";
import { readTar, TarFormatError } from "./tar-entries.js";

/** Why an image cannot be read: becomes a diagnostic with exit code 2. */
export class ImageReadError extends Error {
  readonly kind: "corrupt" | "layout" | "unsupported" | "unreadable";
  readonly hint: string;
  constructor(message: string, kind: ImageReadError["kind"], hint: string) {
    super(message);
    this.name = "ImageReadError";
    this.kind = kind;
    this.hint = hint;
  }
}

export interface ImageConfigFile {
  readonly user: string;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

export interface LayerBlob {
  /** Digest or archive path, for messages. */
  readonly id: string;
  /** Expected sha256 of the stored bytes, checked while streaming when known. */
  readonly digest: string | undefined;
  readonly size: number;
  /** Opens the layer as an uncompressed tar stream; `verify` is called after it was read to the end. */
  open(): Promise<{ stream: Readable; verify: () => string | undefined }>;
}

export interface ImageSource {
  readonly format: "oci-layout" | "oci-archive" | "docker-archive" | "docker-directory";
  readonly config: ImageConfigFile;
  readonly layers: readonly LayerBlob[];
}

const descriptor = z.object({
  mediaType: z.string().optional(),
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  size: z.number().optional(),
  platform: z.object({ os: z.string().optional(), architecture: z.string().optional() }).optional(),
});
const indexSchema = z.object({ manifests: z.array(descriptor).min(1) });
const manifestSchema = z.object({ config: descriptor, layers: z.array(descriptor) });
const dockerManifestSchema = z.array(z.object({ Config: z.string(), Layers: z.array(z.string()) })).min(1);
const configSchema = z.object({
  config: z
    .object({
      User: z.string().nullish(),
      Entrypoint: z.array(z.string()).nullish(),
      Cmd: z.array(z.string()).nullish(),
      Env: z.array(z.string()).nullish(),
      Labels: z.record(z.string(), z.string()).nullish(),
    })
    .nullish(),
});

/** Random access to the bytes of an image, whether a directory or an uncompressed tarball. */
interface Store {
  has(path: string): boolean;
  read(path: string): Promise<Buffer>;
  range(path: string): { file: string; start: number; size: number } | undefined;
}

export async function openImage(path: string): Promise<ImageSource> {
  let st;
  try {
    st = await stat(path);
  } catch (err) {
    throw new ImageReadError(
      `cannot read image: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      "unreadable",
      "give an OCI layout directory or a docker save / OCI archive .tar",
    );
  }
  if (st.isDirectory()) {
    const store = dirStore(path);
    if (store.has("index.json")) return fromOci(store, "oci-layout");
    if (store.has("manifest.json")) return fromDocker(store, "docker-directory");
    throw new ImageReadError(
      "directory is not an OCI image layout (no index.json) nor an extracted docker save (no manifest.json)",
      "layout",
      "create one with `skopeo copy … oci:DIR` or `docker save -o image.tar`",
    );
  }
  const store = await tarStore(path, st.size);
  if (store.has("index.json") && store.has("oci-layout")) return fromOci(store, "oci-archive");
  if (store.has("manifest.json")) return fromDocker(store, "docker-archive");
  if (store.has("index.json")) return fromOci(store, "oci-archive");
  throw new ImageReadError(
    "archive holds neither index.json (OCI) nor manifest.json (docker save)",
    "layout",
    "is this an image archive? `tar tf FILE | head` shows its contents",
  );
}

function dirStore(root: string): Store {
  const { existsSync, statSync } = fsSync;
  return {
    has: (p) => existsSync(join(root, p)),
    read: (p) => readFile(join(root, p)),
    range: (p) => {
      try {
        return { file: join(root, p), start: 0, size: statSync(join(root, p)).size };
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Indexes an uncompressed tarball in one streamed pass (tar-stream reports each member's data
 * offset; bodies are drained, not kept), then reads members by byte range: `docker save` writes
 * manifest.json last, so the layers can only be chosen after the whole index is known.
 */
async function tarStore(file: string, fileSize: number): Promise<Store> {
  const fh = await open(file, "r");
  try {
    const magic = Buffer.alloc(4);
    await fh.read(magic, 0, 4, 0);
    if (magic[0] === 0x1f && magic[1] === 0x8b) {
      throw new ImageReadError(
        "compressed image archive",
        "unsupported",
        "decompress it first (`gunzip -k FILE`): layers are read by offset from the plain tar",
      );
    }
  } finally {
    await fh.close();
  }
  const members = new Map<string, { type: string; start: number; size: number; linkname: string }>();
  try {
    for await (const { entry } of readTar(createReadStream(file))) {
      const name = posix
        .normalize(entry.path)
        .replace(/^(\.\/)+/, "")
        .replace(/\/$/, "");
      members.set(name, {
        type: entry.type,
        start: entry.dataOffset,
        size: entry.size,
        linkname: entry.linkname,
      });
      if (entry.dataOffset + (entry.type === "file" ? entry.size : 0) > fileSize)
        throw new TarFormatError(
          `archive is truncated inside ${entry.path} (${fileSize} of ${entry.dataOffset + entry.size} bytes)`,
          fileSize,
        );
    }
  } catch (err) {
    if (err instanceof TarFormatError)
      throw new ImageReadError(
        err.message,
        "corrupt",
        "the archive is damaged or incomplete; save or copy the image again",
      );
    throw err;
  }
  const find = (p: string, depth = 0): { start: number; size: number } | undefined => {
    const m = members.get(posix.normalize(p).replace(/^(\.\/)+/, ""));
    if (!m || depth > 10) return undefined;
    if (m.type === "symlink") return find(posix.join(posix.dirname(p), m.linkname), depth + 1);
    if (m.type === "hardlink") return find(m.linkname, depth + 1);
    return m.type === "file" ? m : undefined;
  };
  return {
    has: (p) => find(p) !== undefined,
    range: (p) => {
      const m = find(p);
      return m ? { file, start: m.start, size: m.size } : undefined;
    },
    read: async (p) => {
      const m = find(p);
      if (!m) throw new ImageReadError(`archive has no ${p}`, "layout", "the archive is incomplete");
      if (m.size > 16 << 20)
        throw new ImageReadError(
          `${p} is ${m.size} bytes, too large for image metadata`,
          "layout",
          "is this an image archive?",
        );
      const h = await open(file, "r");
      try {
        const buf = Buffer.alloc(m.size);
        await h.read(buf, 0, m.size, m.start);
        return buf;
      } finally {
        await h.close();
      }
    },
  };
}

async function readJson<T>(store: Store, path: string, schema: z.ZodType<T>, what: string): Promise<T> {
  if (!store.has(path))
    throw new ImageReadError(
      `missing ${what} (${path})`,
      "layout",
      "the image is incomplete; save or copy it again",
    );
  let value: unknown;
  try {
    value = JSON.parse((await store.read(path)).toString("utf8"));
  } catch (err) {
    if (err instanceof ImageReadError) throw err;
    throw new ImageReadError(
      `${what} (${path}) is not valid JSON`,
      "corrupt",
      "the image is damaged; save or copy it again",
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ImageReadError(
      `${what} (${path}) is malformed: ${parsed.error.issues[0]?.message ?? "invalid"}`,
      "layout",
      "the image is damaged or of an unsupported kind",
    );
  return parsed.data;
}

const blobPath = (digest: string) => `blobs/${digest.replace(":", "/")}`;

async function fromOci(store: Store, format: "oci-layout" | "oci-archive"): Promise<ImageSource> {
  let index = await readJson(store, "index.json", indexSchema, "image index");
  // Follow nested indexes (multi-platform images) to one manifest: linux/amd64 when listed, else the first.
  for (let depth = 0; depth < 4; depth++) {
    const pick =
      index.manifests.find((m) => m.platform?.os === "linux" && m.platform.architecture === "amd64") ??
      index.manifests[0];
    if (!pick) break;
    if (pick.mediaType?.includes("index") || pick.mediaType?.includes("manifest.list")) {
      index = await readJson(store, blobPath(pick.digest), indexSchema, "nested image index");
      continue;
    }
    const manifest = await readJson(store, blobPath(pick.digest), manifestSchema, "image manifest");
    const config = await readJson(store, blobPath(manifest.config.digest), configSchema, "image config");
    return {
      format,
      config: toConfig(config),
      layers: manifest.layers.map((l) => layerBlob(store, blobPath(l.digest), l.digest)),
    };
  }
  throw new ImageReadError("image index leads to no manifest", "layout", "the image is damaged");
}

async function fromDocker(store: Store, format: "docker-archive" | "docker-directory"): Promise<ImageSource> {
  const manifests = await readJson(store, "manifest.json", dockerManifestSchema, "docker manifest");
  const first = manifests[0];
  if (!first)
    throw new ImageReadError("docker manifest lists no image", "layout", "the archive is incomplete");
  const config = await readJson(store, first.Config, configSchema, "image config");
  return {
    format,
    config: toConfig(config),
    layers: first.Layers.map((l) => {
      const digest = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(l);
      return layerBlob(store, l, digest ? `sha256:${digest[1]}` : undefined);
    }),
  };
}

function toConfig(c: z.infer<typeof configSchema>): ImageConfigFile {
  const cfg = c.config ?? {};
  return {
    user: cfg.User ?? "",
    entrypoint: cfg.Entrypoint ?? [],
    cmd: cfg.Cmd ?? [],
    env: cfg.Env ?? [],
    labels: cfg.Labels ?? {},
  };
}

function layerBlob(store: Store, path: string, digest: string | undefined): LayerBlob {
  const range = store.range(path);
  return {
    id: digest ?? path,
    digest,
    size: range?.size ?? 0,
    open: async () => {
      if (!range)
        throw new ImageReadError(
          `layer ${digest ?? path} is missing`,
          "layout",
          "the image is incomplete; save or copy it again",
        );
      const end = range.start + range.size - 1;
      const head = Buffer.alloc(4);
      const fh = await open(range.file, "r");
      try {
        await fh.read(head, 0, 4, range.start);
      } finally {
        await fh.close();
      }
      const raw = createReadStream(
        range.file,
        range.size > 0 ? { start: range.start, end } : { start: range.start, end: range.start - 1 },
      );
      const hash = createHash("sha256");
      let bytes = 0;
      raw.on("data", (d: Buffer | string) => {
        hash.update(d);
        bytes += d.length;
      });
      const isGzip = head[0] === 0x1f && head[1] === 0x8b;
      const isZstd = head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd;
      const stream: Readable =
        isGzip || isZstd
          ? pipeline(
              raw,
              isGzip
                ? createGunzip({ chunkSize: 256 << 10 })
                : createZstdDecompress({ chunkSize: 256 << 10 }),
              () => undefined,
            )
          : raw;
      return {
        stream,
        verify: () => {
          if (!digest) return undefined;
          if (bytes !== range.size) return `read ${bytes} of ${range.size} bytes`;
          const got = `sha256:${hash.digest("hex")}`;
          return got === digest ? undefined : `content digest is ${got}, not ${digest}`;
        },
      };
    },
  };
}
