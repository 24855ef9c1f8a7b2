import type { Environment } from "@marcbachmann/cel-js";
import { fail } from "./errors.js";

/**
 * Kubernetes' URL library: `url(s)` parses like Go's url.ParseRequestURI (an absolute URI or an
 * absolute path; no fragment splitting), with getScheme/getHost/getHostname/getPort/
 * getEscapedPath/getQuery.
 */
export class CelURL {
  static readonly celTypeName = "kubernetes.URL";
  readonly scheme: string;
  readonly host: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly opaque: string;
  readonly text: string;
  constructor(parts: {
    scheme: string;
    host: string;
    path: string;
    rawQuery: string;
    opaque: string;
    text: string;
  }) {
    this.scheme = parts.scheme;
    this.host = parts.host;
    this.path = parts.path;
    this.rawQuery = parts.rawQuery;
    this.opaque = parts.opaque;
    this.text = parts.text;
  }
  toString(): string {
    return this.text;
  }
  celEquals(other: unknown): boolean {
    return other instanceof CelURL && other.text === this.text;
  }
}

function unescape(s: string, plusIsSpace: boolean): string | undefined {
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) return undefined;
  const t = plusIsSpace ? s.replaceAll("+", " ") : s;
  try {
    return decodeURIComponent(t);
  } catch {
    // Go accepts percent-escapes that are not valid UTF-8; keep the bytes' Latin-1 reading.
    return t.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

function validHost(host: string): boolean {
  if (host.startsWith("[")) {
    const close = host.indexOf("]");
    if (close < 0) return false;
    const port = host.slice(close + 1);
    return port === "" || /^:\d*$/.test(port);
  }
  const colon = host.lastIndexOf(":");
  if (colon >= 0 && !/^:\d*$/.test(host.slice(colon))) return false;
  return !/[\s"<>\\^`{|}]/.test(host);
}

function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

export function parseRequestURI(text: string): CelURL | undefined {
  if (text === "" || hasControlCharacter(text)) return undefined;
  let rest = text;
  let scheme = "";
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
  if (m !== null) {
    scheme = (m[1] ?? "").toLowerCase();
    rest = rest.slice(m[0].length);
  } else if (rest.startsWith(":")) return undefined;
  // The apiserver's url() drops a #fragment before looking at the rest.
  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  let rawQuery = "";
  const q = rest.indexOf("?");
  if (q >= 0) {
    rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith("/")) {
    if (scheme !== "") return new CelURL({ scheme, host: "", path: "", rawQuery, opaque: rest, text });
    return undefined;
  }
  let host = "";
  if (scheme !== "" && rest.startsWith("//")) {
    const authorityEnd = rest.indexOf("/", 2);
    const authority = authorityEnd < 0 ? rest.slice(2) : rest.slice(2, authorityEnd);
    rest = authorityEnd < 0 ? "" : rest.slice(authorityEnd);
    const at = authority.lastIndexOf("@");
    host = at < 0 ? authority : authority.slice(at + 1);
    if (!validHost(host)) return undefined;
    const decoded = unescape(host, false);
    if (decoded === undefined) return undefined;
    host = decoded;
  }
  const path = unescape(rest, false);
  if (path === undefined) return undefined;
  return new CelURL({ scheme, host, path: rest, rawQuery, opaque: "", text });
}

/** Go's URL.EscapedPath: valid escapes are kept, anything a path may not hold is %-encoded. */
function escapedPath(u: CelURL): string {
  return u.path.replace(/[^A-Za-z0-9\-_.~$&+,/:;=@%]/gu, (ch) =>
    [...Buffer.from(ch, "utf8")].map((b) => "%" + b.toString(16).toUpperCase().padStart(2, "0")).join(""),
  );
}

function hostname(u: CelURL): string {
  const h = u.host;
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]"));
  const colon = h.lastIndexOf(":");
  return colon >= 0 ? h.slice(0, colon) : h;
}

function port(u: CelURL): string {
  const h = u.host;
  const colon = h.lastIndexOf(":");
  if (colon < 0 || (h.startsWith("[") && colon < h.indexOf("]"))) return "";
  return h.slice(colon + 1);
}

function query(u: CelURL): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pair of u.rawQuery.split("&")) {
    if (pair === "" || pair.includes(";")) continue;
    const eq = pair.indexOf("=");
    const k = unescape(eq < 0 ? pair : pair.slice(0, eq), true);
    const v = unescape(eq < 0 ? "" : pair.slice(eq + 1), true);
    if (k === undefined || v === undefined) continue;
    (out[k] ??= []).push(v);
  }
  return out;
}

export function registerURL(env: Environment): void {
  env.registerType("kubernetes.URL", CelURL);
  const U = "kubernetes.URL";
  env.registerFunction(
    `url(string): ${U}`,
    (s: string) =>
      parseRequestURI(s) ??
      fail(`URL parse error during conversion from string: parse "${s}": invalid URI for request`),
  );
  env.registerFunction("isURL(string): bool", (s: string) => parseRequestURI(s) !== undefined);
  env.registerFunction(`${U}.getScheme(): string`, (u: CelURL) => u.scheme);
  env.registerFunction(`${U}.getHost(): string`, (u: CelURL) => u.host);
  env.registerFunction(`${U}.getHostname(): string`, hostname);
  env.registerFunction(`${U}.getPort(): string`, port);
  env.registerFunction(`${U}.getEscapedPath(): string`, escapedPath);
  env.registerFunction(`${U}.getQuery(): map<string, list<string>>`, query);
}
