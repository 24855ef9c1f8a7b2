/**
 * A streaming reader of tar headers (ustar, pax and GNU long names), written for `image inspect`:
 * it keeps only metadata, skips file bodies unless asked, and reports a truncated or corrupt archive
 * with the byte offset. Writing it here (instead of adding a dependency) keeps the bounded-memory and
 * error-message guarantees in one small file; see docs/adr.
 */

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
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = "TarFormatError";
    this.offset = offset;
  }
}

const block = 512;

/** Pulls exact byte counts out of an async stream of chunks. */
class ByteReader {
  private chunks: Buffer[] = [];
  private head = 0;
  private buffered = 0;
  private done = false;
  offset = 0;
  private readonly it: AsyncIterator<Buffer | Uint8Array | string>;
  constructor(it: AsyncIterator<Buffer | Uint8Array | string>) {
    this.it = it;
  }

  private async fill(n: number): Promise<void> {
    while (this.buffered < n && !this.done) {
      const r = await this.it.next();
      if (r.done) {
        this.done = true;
        break;
      }
      const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as Uint8Array);
      if (b.length === 0) continue;
      this.chunks.push(b);
      this.buffered += b.length;
    }
  }

  /** Exactly n bytes, or fewer only at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    await this.fill(n);
    const want = Math.min(n, this.buffered);
    const parts: Buffer[] = [];
    let left = want;
    while (left > 0) {
      const c = this.chunks[0];
      if (!c) break;
      const avail = c.length - this.head;
      const take = Math.min(avail, left);
      parts.push(c.subarray(this.head, this.head + take));
      left -= take;
      this.head += take;
      if (this.head === c.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
    this.buffered -= want;
    this.offset += want;
    return parts.length === 1 ? (parts[0] ?? Buffer.alloc(0)) : Buffer.concat(parts, want);
  }

  /** Reads and drops whatever is left of the stream (so a digest over it is complete). */
  async drainAll(): Promise<void> {
    this.chunks = [];
    this.buffered = 0;
    this.head = 0;
    while (!this.done) {
      const r = await this.it.next();
      if (r.done) this.done = true;
    }
  }

  /** Skips n bytes without keeping them; returns how many were skipped. */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      if (this.buffered === 0) {
        await this.fill(1);
        if (this.buffered === 0) break;
      }
      const c = this.chunks[0];
      if (!c) break;
      const take = Math.min(c.length - this.head, left);
      this.head += take;
      this.buffered -= take;
      left -= take;
      if (this.head === c.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
    this.offset += n - left;
    return n - left;
  }
}

function text(buf: Buffer, start: number, len: number): string {
  const slice = buf.subarray(start, start + len);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul === -1 ? len : nul).toString("utf8");
}

/** Octal ASCII, or GNU base-256 when the high bit of the first byte is set. */
function numeric(buf: Buffer, start: number, len: number, offset: number, field: string): number {
  const first = buf[start] ?? 0;
  if (first & 0x80) {
    let v = first & 0x7f;
    for (let i = 1; i < len; i++) v = v * 256 + (buf[start + i] ?? 0);
    return v;
  }
  const s = text(buf, start, len).trim();
  if (s === "") return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarFormatError(`invalid ${field} field "${s}" in tar header`, offset);
  return parseInt(s, 8);
}

function checksumOk(h: Buffer): boolean {
  const stored = text(h, 148, 8).trim();
  if (!/^[0-7]+$/.test(stored)) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < block; i++) {
    const b = i >= 148 && i < 156 ? 32 : (h[i] ?? 0);
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  const want = parseInt(stored, 8);
  return want === unsigned || want === signed;
}

function parsePax(body: Buffer, offset: number): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const sp = body.indexOf(0x20, i);
    if (sp === -1) break;
    const len = parseInt(body.subarray(i, sp).toString("ascii"), 10);
    if (!Number.isFinite(len) || len <= 0 || i + len > body.length)
      throw new TarFormatError("corrupt pax extended header", offset);
    const record = body.subarray(sp + 1, i + len - 1).toString("utf8");
    const eq = record.indexOf("=");
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    i += len;
  }
  return out;
}

const typeOf: Record<string, TarEntryType> = {
  "0": "file",
  "": "file",
  "7": "file",
  "1": "hardlink",
  "2": "symlink",
  "3": "char",
  "4": "block",
  "5": "dir",
  "6": "fifo",
};

export interface ReadTarOptions {
  /** Return the body of entries this accepts (bounded by maxBody), for small files like configs. */
  readonly keepBody?: (entry: TarEntry) => boolean;
  readonly maxBody?: number;
  /** Read the source to its end after the end-of-archive marker. */
  readonly drain?: boolean;
}

/** Yields every entry of a tar stream in order; bodies are skipped unless `keepBody` asks for them. */
export async function* readTar(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  options: ReadTarOptions = {},
): AsyncGenerator<{ entry: TarEntry; body: Buffer | undefined }> {
  const r = new ByteReader(source[Symbol.asyncIterator]());
  const maxBody = options.maxBody ?? 1 << 20;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax = new Map<string, string>();
  let sawHeader = false;
  for (;;) {
    const at = r.offset;
    const h = await r.read(block);
    if (h.length === 0) {
      if (!sawHeader) throw new TarFormatError("empty archive: no tar header", at);
      if (options.drain) await r.drainAll();
      return; // Tolerate archives without the two end-of-archive blocks, as GNU tar does.
    }
    if (h.length < block)
      throw new TarFormatError(`archive is truncated inside a tar header (${h.length} of 512 bytes)`, at);
    if (h.every((b) => b === 0)) {
      if (options.drain) await r.drainAll();
      return;
    }
    if (!checksumOk(h))
      throw new TarFormatError("tar header checksum mismatch (corrupt or not a tar archive)", at);
    sawHeader = true;
    const flag = String.fromCharCode(h[156] ?? 0).replace("\u0000", "");
    const size = numeric(h, 124, 12, at, "size");
    const padded = Math.ceil(size / block) * block;
    if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
      if (size > 1 << 20)
        throw new TarFormatError(`extended header of ${size} bytes is implausibly large`, at);
      const body = await r.read(padded);
      if (body.length < padded)
        throw new TarFormatError("archive is truncated inside an extended header", at);
      const data = body.subarray(0, size);
      if (flag === "x") pax = parsePax(data, at);
      else if (flag === "L") longName = text(data, 0, data.length);
      else if (flag === "K") longLink = text(data, 0, data.length);
      continue;
    }
    const magic = text(h, 257, 6);
    const prefix = magic.startsWith("ustar") ? text(h, 345, 155) : "";
    const name = text(h, 0, 100);
    const paxSize = pax.get("size");
    const realSize = paxSize !== undefined ? Number(paxSize) : size;
    const realPadded = Math.ceil(realSize / block) * block;
    const entry: TarEntry = {
      path: pax.get("path") ?? longName ?? (prefix ? `${prefix}/${name}` : name),
      type: typeOf[flag] ?? "other",
      mode: numeric(h, 100, 8, at, "mode") & 0o7777,
      uid: pax.has("uid") ? Number(pax.get("uid")) : numeric(h, 108, 8, at, "uid"),
      gid: pax.has("gid") ? Number(pax.get("gid")) : numeric(h, 116, 8, at, "gid"),
      size: realSize,
      linkname: pax.get("linkpath") ?? longLink ?? text(h, 157, 100),
      dataOffset: r.offset,
    };
    longName = undefined;
    longLink = undefined;
    pax = new Map();
    // Links, directories and devices carry no data whatever the size field says.
    const hasData = entry.type === "file" || entry.type === "other";
    const dataLen = hasData ? realPadded : 0;
    let body: Buffer | undefined;
    if (hasData && realSize <= maxBody && options.keepBody?.(entry)) {
      const b = await r.read(dataLen);
      if (b.length < dataLen)
        throw new TarFormatError(`archive is truncated inside ${entry.path}`, entry.dataOffset);
      body = b.subarray(0, realSize);
    } else if (dataLen > 0) {
      const skipped = await r.skip(dataLen);
      if (skipped < dataLen)
        throw new TarFormatError(`archive is truncated inside ${entry.path}`, entry.dataOffset);
    }
    yield { entry, body };
  }
}
