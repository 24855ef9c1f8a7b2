import type { Environment } from "@marcbachmann/cel-js";
import { fail } from "./errors.js";

/** Kubernetes' semver library: strict Semantic Versioning 2.0.0 (no `v` prefix, no leading zeros). */
export class Semver {
  static readonly celTypeName = "kubernetes.Semver";
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly pre: string[];
  readonly text: string;
  constructor(major: bigint, minor: bigint, patch: bigint, pre: string[], text: string) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.pre = pre;
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
  compare(o: Semver): number {
    for (const [a, b] of [
      [this.major, o.major],
      [this.minor, o.minor],
      [this.patch, o.patch],
    ] as const) {
      if (a !== b) return a < b ? -1 : 1;
    }
    if (this.pre.length === 0 || o.pre.length === 0)
      return o.pre.length - this.pre.length === 0 ? 0 : this.pre.length === 0 ? 1 : -1;
    for (let i = 0; i < Math.min(this.pre.length, o.pre.length); i++) {
      const a = this.pre[i] ?? "";
      const b = o.pre[i] ?? "";
      if (a === b) continue;
      const an = /^\d+$/.test(a);
      const bn = /^\d+$/.test(b);
      if (an && bn) return BigInt(a) < BigInt(b) ? -1 : 1;
      if (an !== bn) return an ? -1 : 1;
      return a < b ? -1 : 1;
    }
    return Math.sign(this.pre.length - o.pre.length);
  }
  celEquals(other: unknown): boolean {
    return other instanceof Semver && this.compare(other) === 0;
  }
}

const NUM = "(0|[1-9]\\d*)";
const PRE = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
const SEMVER = new RegExp(
  `^${NUM}\\.${NUM}\\.${NUM}(?:-(${PRE}(?:\\.${PRE})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`,
);
const MAX_U64 = 2n ** 64n - 1n;

export function parseSemver(s: string): Semver | undefined {
  const m = SEMVER.exec(s);
  if (m === null) return undefined;
  const [major, minor, patch] = [m[1], m[2], m[3]].map((x) => BigInt(x ?? "0")) as [bigint, bigint, bigint];
  if (major > MAX_U64 || minor > MAX_U64 || patch > MAX_U64) return undefined;
  return new Semver(major, minor, patch, m[4] === undefined ? [] : m[4].split("."), s);
}

export function registerSemver(env: Environment): void {
  env.registerType("kubernetes.Semver", Semver);
  const S = "kubernetes.Semver";
  const of = (s: string): Semver => parseSemver(s) ?? fail("string is not a valid semver");
  env.registerFunction(`semver(string): ${S}`, of);
  env.registerFunction("isSemver(string): bool", (s: string) => parseSemver(s) !== undefined);
  env.registerFunction(`${S}.major(): int`, (v: Semver) => v.major);
  env.registerFunction(`${S}.minor(): int`, (v: Semver) => v.minor);
  env.registerFunction(`${S}.patch(): int`, (v: Semver) => v.patch);
  env.registerFunction(`${S}.isGreaterThan(${S}): bool`, (a: Semver, b: Semver) => a.compare(b) > 0);
  env.registerFunction(`${S}.isLessThan(${S}): bool`, (a: Semver, b: Semver) => a.compare(b) < 0);
  env.registerFunction(`${S}.compareTo(${S}): int`, (a: Semver, b: Semver) => BigInt(a.compare(b)));
  env.registerOperator(`${S} == ${S}`, (a: Semver, b: Semver) => a.celEquals(b));
}
