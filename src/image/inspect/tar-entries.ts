/**
 * Tar entries for `image inspect`, parsed by `tar-stream` (ustar, pax, GNU long names, base-256
 * numbers, checksums). This adapter only maps the library's headers onto the metadata inspect keeps,
 * drains file bodies (keeping one small body when asked), and turns the library's errors into
 * `TarFormatError`s that say where the archive went wrong; see docs/adr/0111.
 */
import type { Readable } from "node:stream";
import { extract, type Header } from "tar-stream";

export type TarEntryType = "file" | "dir" | "symlink" | "hardlink" | "char" | "block" | "fifo" | "other";

export interface TarEntry {
  readonly path: string;
  readonly type: TarEntryType;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly linkname: string;
  /** Byte offset of the entry's data in the (uncompressed) tar stream. */
  readonly dataOffset: number;
}

export class TarFormatError extends Error {
  /** Byte offset in the uncompressed tar stream where the problem was found. */
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = "TarFormatError";
    this.offset = offset;
  }
}

/**
 * A header as tar-stream really hands it over: its declared type omits `byteOffset` (where the
 * entry's data starts), that `pax` is a string map, and that an unknown type flag or an empty link
 * name comes as null.
 */
type LibraryHeader = Omit<Header, "type" | "linkname"> & {
  readonly type: Header["type"] | null;
  readonly linkname: string | null;
  readonly byteOffset?: number;
};

/** The pax records of a header (tar-stream applies `path`, `linkpath` and `size` itself). */
function paxOf(h: LibraryHeader): { uid?: string; gid?: string } {
  const pax: unknown = h.pax;
  return typeof pax === "object" && pax !== null ? (pax as { uid?: string; gid?: string }) : {};
}

const typeOf: Partial<Record<Header["type"], TarEntryType>> = {
  file: "file",
  "contiguous-file": "file",
  link: "hardlink",
  symlink: "symlink",
  "character-device": "char",
  "block-device": "block",
  directory: "dir",
  fifo: "fifo",
};

/** Entry types that carry no data (other readers, Go's archive/tar among them, ignore their size). */
const headerOnly = new Set<TarEntryType>(["hardlink", "symlink", "char", "block", "fifo"]);

const padded = (n: number) => Math.ceil(n / 512) * 512;

export interface ReadTarOptions {
  /** Return the body of entries this accepts (bounded by maxBody), for small files like configs. */
  readonly keepBody?: (entry: TarEntry) => boolean;
  readonly maxBody?: number;
}

async function collect(stream: AsyncIterable<unknown>, size: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream) if (chunk instanceof Uint8Array) parts.push(chunk);
  return Buffer.concat(parts, size);
}

/**
 * Yields every entry of a tar stream in order; bodies are drained unless `keepBody` asks for them.
 * The whole source is read (so a digest over it is complete); nothing but one kept body is buffered
 * beyond the library's backpressured window.
 */
export async function* readTar(
  source: Readable,
  options: ReadTarOptions = {},
): AsyncGenerator<{ entry: TarEntry; body: Buffer | undefined }> {
  const maxBody = options.maxBody ?? 1 << 20;
  // allowUnknownFormat: accept pre-POSIX (v7) headers too; the checksum still guards against junk.
  const parser = extract({ allowUnknownFormat: true } as Parameters<typeof extract>[0]);
  let fed = 0;
  let sourceError: unknown;
  source.on("data", (chunk: Buffer | string) => {
    fed += chunk.length;
  });
  source.on("error", (err) => {
    sourceError = err;
    parser.destroy(err);
  });
  source.pipe(parser);

  let last: { path: string; dataOffset: number; dataLength: number } | undefined;
  const where = () => (last ? ` after ${last.path}` : "");
  const nextHeader = () => (last ? last.dataOffset + padded(last.dataLength) : 0);
  try {
    for await (const stream of parser) {
      const h: LibraryHeader = stream.header;
      const pax = paxOf(h);
      const type = (h.type !== null ? typeOf[h.type] : undefined) ?? "other";
      const size = h.size;
      const dataOffset = h.byteOffset ?? 0;
      const entry: TarEntry = {
        path: h.name,
        type,
        mode: h.mode & 0o7777,
        uid: pax.uid !== undefined ? Number(pax.uid) : h.uid,
        gid: pax.gid !== undefined ? Number(pax.gid) : h.gid,
        size: type === "dir" ? 0 : size,
        linkname: h.linkname ?? "",
        dataOffset,
      };
      if (headerOnly.has(type) && size > 0) {
        // tar-stream would read such bytes as the entry's data, Go's archive/tar (the container
        // runtimes) as the next header: refuse the ambiguity rather than see another filesystem.
        throw new TarFormatError(
          `${type} entry ${entry.path} declares ${size} bytes of data (readers disagree on such archives) at byte ${dataOffset}`,
          dataOffset,
        );
      }
      last = { path: entry.path, dataOffset, dataLength: type === "dir" ? 0 : size };
      let body: Buffer | undefined;
      if (type === "file" && size <= maxBody && options.keepBody?.(entry)) body = await collect(stream, size);
      else stream.resume();
      yield { entry, body };
    }
  } catch (err) {
    if (err === sourceError || err instanceof TarFormatError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (message === "Unexpected end of data") {
      const inside = last && last.dataOffset + last.dataLength > fed;
      throw new TarFormatError(
        inside
          ? `archive is truncated inside ${last?.path ?? "?"} (at byte ${fed})`
          : `archive is truncated${last ? where() : " inside the first tar header"} (at byte ${fed})`,
        fed,
      );
    }
    const at = nextHeader();
    const what = message.startsWith("Invalid tar header")
      ? "tar header checksum mismatch (corrupt or not a tar archive)"
      : `corrupt tar header (${message})`;
    throw new TarFormatError(`${what}${where()}, at or after byte ${at}`, at);
  } finally {
    source.unpipe(parser);
    if (!source.readableEnded) source.destroy();
    parser.destroy();
  }
  if (fed === 0) throw new TarFormatError("empty archive: no tar header", 0);
}
