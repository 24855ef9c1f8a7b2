import type { Environment } from "@marcbachmann/cel-js";
import { fail } from "./errors.js";

/**
 * Kubernetes' IP and CIDR libraries (`ip('10.0.0.1')`, `cidr('10.0.0.0/8').containsIP(…)`), with
 * Go net/netip parsing rules: no IPv4 leading zeros, no zones, and (Kubernetes' own rule) no
 * IPv4-mapped IPv6 addresses. Addresses are held as a BigInt plus their family.
 */
export class IP {
  static readonly celTypeName = "net.IP";
  readonly value: bigint;
  readonly family: 4 | 6;
  constructor(value: bigint, family: 4 | 6) {
    this.value = value;
    this.family = family;
  }
  toString(): string {
    return formatIP(this.value, this.family);
  }
  celEquals(other: unknown): boolean {
    return other instanceof IP && other.family === this.family && other.value === this.value;
  }
  inRange(base: bigint, bits: number): boolean {
    const width = this.family === 4 ? 32 : 128;
    return this.value >> BigInt(width - bits) === base >> BigInt(width - bits);
  }
}

export class CIDR {
  static readonly celTypeName = "net.CIDR";
  readonly ip: IP;
  readonly bits: number;
  constructor(ip: IP, bits: number) {
    this.ip = ip;
    this.bits = bits;
  }
  toString(): string {
    return `${this.ip.toString()}/${this.bits}`;
  }
  celEquals(other: unknown): boolean {
    return other instanceof CIDR && other.bits === this.bits && this.ip.celEquals(other.ip);
  }
  masked(): CIDR {
    const width = this.ip.family === 4 ? 32 : 128;
    const shift = BigInt(width - this.bits);
    return new CIDR(new IP((this.ip.value >> shift) << shift, this.ip.family), this.bits);
  }
  containsIP(ip: IP): boolean {
    return ip.family === this.ip.family && ip.inRange(this.ip.value, this.bits);
  }
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p.startsWith("0")) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  let text = s;
  const lastColon = s.lastIndexOf(":");
  const last = s.slice(lastColon + 1);
  if (last.includes(".")) {
    // A dotted IPv4 tail stands for the last two groups.
    const tail = parseIPv4(last);
    if (tail === undefined) return undefined;
    text = `${s.slice(0, lastColon + 1)}${(tail >> 16n).toString(16)}:${(tail & 0xffffn).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] === "" ? [] : (halves[0] ?? "").split(":");
  const rest = halves.length < 2 || halves[1] === "" ? [] : (halves[1] ?? "").split(":");
  const groups = [...head, ...rest];
  if (groups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return undefined;
  if (halves.length === 1 ? groups.length !== 8 : groups.length > 7) return undefined;
  const all = [...head, ...Array<string>(8 - groups.length).fill("0"), ...rest];
  let v = 0n;
  for (const g of all) v = (v << 16n) | BigInt(parseInt(g, 16));
  return v;
}

function formatIP(v: bigint, family: 4 | 6): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => ((v >> s) & 255n).toString()).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number((v >> BigInt(112 - 16 * i)) & 0xffffn));
  // Longest run (≥ 2) of zero groups becomes "::"; the first one wins a tie (RFC 5952, as Go).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (g: number[]): string => g.map((x) => x.toString(16)).join(":");
  if (best < 0) return hex(groups);
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}

const MAPPED_PREFIX = 0xffffn << 32n;

type Parsed = { ip: IP } | { error: string };

function parseIP(s: string): Parsed {
  if (s.includes("%")) return { error: `IP address with zone value is not allowed` };
  if (!s.includes(":")) {
    const v = parseIPv4(s);
    return v === undefined
      ? { error: `IP Address "${s}" parse error during conversion from string` }
      : { ip: new IP(v, 4) };
  }
  const v = parseIPv6(s);
  if (v === undefined) return { error: `IP Address "${s}" parse error during conversion from string` };
  if (v >> 32n === MAPPED_PREFIX >> 32n) return { error: `IPv4-mapped IPv6 address "${s}" is not allowed` };
  return { ip: new IP(v, 6) };
}

function parseCIDR(s: string): { cidr: CIDR } | { error: string } {
  const slash = s.lastIndexOf("/");
  if (slash < 0)
    return {
      error: `network address parse error during conversion from string: netip.ParsePrefix("${s}"): no '/'`,
    };
  const ip = parseIP(s.slice(0, slash));
  if ("error" in ip) return ip;
  const bitsText = s.slice(slash + 1);
  const max = ip.ip.family === 4 ? 32 : 128;
  if (!/^(0|[1-9]\d{0,2})$/.test(bitsText) || Number(bitsText) > max) {
    return { error: `network address parse error during conversion from string: bad bits` };
  }
  return { cidr: new CIDR(ip.ip, Number(bitsText)) };
}

const inV4 = (ip: IP, base: number, bits: number): boolean =>
  ip.family === 4 && ip.inRange(BigInt(base >>> 0), bits);
const inV6 = (ip: IP, base: bigint, bits: number): boolean => ip.family === 6 && ip.inRange(base, bits);
const isUnspecified = (ip: IP): boolean => ip.value === 0n;
const isLoopback = (ip: IP): boolean => inV4(ip, 0x7f000000, 8) || (ip.family === 6 && ip.value === 1n);
const isLinkLocalUnicast = (ip: IP): boolean => inV4(ip, 0xa9fe0000, 16) || inV6(ip, 0xfe80n << 112n, 10);
const isLinkLocalMulticast = (ip: IP): boolean => inV4(ip, 0xe0000000, 24) || inV6(ip, 0xff02n << 112n, 16);
const isMulticast = (ip: IP): boolean => inV4(ip, 0xe0000000, 4) || inV6(ip, 0xffn << 120n, 8);
const isGlobalUnicast = (ip: IP): boolean =>
  !isUnspecified(ip) &&
  !isLoopback(ip) &&
  !isMulticast(ip) &&
  !isLinkLocalUnicast(ip) &&
  !(ip.family === 4 && ip.value === 0xffffffffn);

export function registerNet(env: Environment): void {
  env.registerType("net.IP", IP);
  env.registerType("net.CIDR", CIDR);
  const fn = (sig: string, handler: (...args: never[]) => unknown): void => {
    env.registerFunction(sig, handler as (...args: unknown[]) => unknown);
  };
  const ipOf = (s: string): IP => {
    const r = parseIP(s);
    return "ip" in r ? r.ip : fail(r.error);
  };
  const cidrOf = (s: string): CIDR => {
    const r = parseCIDR(s);
    return "cidr" in r ? r.cidr : fail(r.error);
  };
  fn("ip(string): net.IP", ipOf);
  fn("isIP(string): bool", (s: string) => "ip" in parseIP(s));
  fn("__k8s_ip_isCanonical(string): bool", (s: string) => ipOf(s).toString() === s);
  fn("net.IP.family(): int", (ip: IP) => BigInt(ip.family));
  fn("net.IP.isUnspecified(): bool", isUnspecified);
  fn("net.IP.isLoopback(): bool", isLoopback);
  fn("net.IP.isLinkLocalMulticast(): bool", isLinkLocalMulticast);
  fn("net.IP.isLinkLocalUnicast(): bool", isLinkLocalUnicast);
  fn("net.IP.isGlobalUnicast(): bool", isGlobalUnicast);
  fn("cidr(string): net.CIDR", cidrOf);
  fn("isCIDR(string): bool", (s: string) => "cidr" in parseCIDR(s));
  fn("net.CIDR.containsIP(net.IP): bool", (c: CIDR, ip: IP) => c.containsIP(ip));
  fn("net.CIDR.containsIP(string): bool", (c: CIDR, s: string) => c.containsIP(ipOf(s)));
  const containsCIDR = (c: CIDR, o: CIDR): boolean => o.bits >= c.bits && c.containsIP(o.ip);
  fn("net.CIDR.containsCIDR(net.CIDR): bool", containsCIDR);
  fn("net.CIDR.containsCIDR(string): bool", (c: CIDR, s: string) => containsCIDR(c, cidrOf(s)));
  fn("net.CIDR.ip(): net.IP", (c: CIDR) => c.ip);
  fn("net.CIDR.masked(): net.CIDR", (c: CIDR) => c.masked());
  fn("net.CIDR.prefixLength(): int", (c: CIDR) => BigInt(c.bits));
  env.registerOperator("net.IP == net.IP", (a: IP, b: IP) => a.celEquals(b));
  env.registerOperator("net.CIDR == net.CIDR", (a: CIDR, b: CIDR) => a.celEquals(b));
}
