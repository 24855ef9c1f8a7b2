/**
 * Offline Pod Security admission: which checks apply for a level and version, in upstream's
 * order, and what they find in one pod-like object.
 */
import type { RuleMeta } from "../../report/finding.js";
import { allChecks } from "./checks/index.js";
import type { CheckImpl, Offender, PssCheck, PssLevel, Wording } from "./model.js";
import { podView } from "./pod-view.js";
import { byCodeUnit } from "./wording.js";
import { minorOf } from "./versions.js";
import type { PssVersion } from "./versions.js";

export interface PssOptions {
  readonly level: PssLevel;
  readonly version: PssVersion;
}

export interface Violation {
  readonly ruleId: string;
  /** Upstream's wording for this offender alone: `reason (detail)`. */
  readonly message: string;
  readonly container?: string;
  /** Field path inside the pod-like object given to the evaluator. */
  readonly path?: string[];
}

interface ActiveCheck {
  readonly check: PssCheck;
  readonly impl: CheckImpl;
}

/** The implementation of a check in force at a minor version, if the check exists then. */
function versionAt(check: PssCheck, minor: number) {
  let found;
  for (const v of check.versions) if (v.since <= minor) found = v;
  return found;
}

const plan = new Map<string, readonly ActiveCheck[]>();

/**
 * The checks of a level at a version: restricted includes baseline except the baseline checks
 * that an active restricted check overrides; baseline first, each level sorted by upstream id,
 * which is the order upstream reports them in.
 */
export function activeChecks(level: PssLevel, minor: number): readonly ActiveCheck[] {
  const key = `${level}:${minor}`;
  const cached = plan.get(key);
  if (cached) return cached;
  const at = (lvl: PssLevel) =>
    allChecks
      .filter((c) => c.level === lvl)
      .flatMap((check) => {
        const v = versionAt(check, minor);
        return v ? [{ check, impl: v.impl, overrides: v.overrides ?? [] }] : [];
      })
      .sort((a, b) => byCodeUnit(a.check.upstreamId, b.check.upstreamId));
  const restricted = level === "restricted" ? at("restricted") : [];
  const overridden = new Set(restricted.flatMap((r) => r.overrides));
  const baseline = at("baseline").filter((b) => !overridden.has(b.check.upstreamId));
  const result = [...baseline, ...restricted].map(({ check, impl }) => ({ check, impl }));
  plan.set(key, result);
  return result;
}

function requireMinor(version: string): number {
  const minor = minorOf(version);
  // Callers validate user input with parsePssVersion; reaching this is a programming error.
  if (minor === undefined) throw new RangeError(`unknown Pod Security Standards version ${version}`);
  return minor;
}

export const formatWording = (w: Wording): string =>
  w.detail === "" ? w.reason : `${w.reason} (${w.detail})`;

// The checks of the last level and version asked for: every object of a check asks the same.
let lastChecks: { level: PssLevel; version: string; checks: readonly ActiveCheck[] } | undefined;

function checksFor(options: PssOptions): readonly ActiveCheck[] {
  const last = lastChecks;
  if (last !== undefined && last.level === options.level && last.version === options.version)
    return last.checks;
  const checks = activeChecks(options.level, requireMinor(options.version));
  lastChecks = { level: options.level, version: options.version, checks };
  return checks;
}

/** One violation per offending field, ordered as upstream orders checks. */
export function evaluatePodSecurity(podLike: unknown, options: PssOptions): Violation[] {
  const violations: Violation[] = [];
  collectViolations(podLike, options, [], violations);
  return violations;
}

/** evaluatePodSecurity's violations with `prefix` put before each path, appended to `into`. */
export function collectViolations(
  podLike: unknown,
  options: PssOptions,
  prefix: readonly string[],
  into: Violation[],
): void {
  const pod = podView(podLike);
  for (const { check, impl } of checksFor(options)) {
    const offenders = impl.collect(pod);
    for (let i = 0; i < offenders.length; i++) {
      const offender = offenders[i] as Offender;
      if (!offender.derived) into.push(toViolation(check.meta, impl, offender, prefix));
    }
  }
}

function toViolation(
  meta: RuleMeta,
  impl: CheckImpl,
  offender: Offender,
  prefix: readonly string[],
): Violation {
  const message = formatWording(impl.describe([offender]));
  const path = prefix.length === 0 ? [...offender.path] : [...prefix, ...offender.path];
  // Same keys in the same order as ever: `container` only when there is one.
  return offender.container !== undefined
    ? { ruleId: meta.id, message, container: offender.container, path }
    : { ruleId: meta.id, message, path };
}

export interface PssVerdict {
  readonly allowed: boolean;
  /** One entry per failing check, upstream's order and wording. */
  readonly results: readonly { readonly ruleId: string; readonly reason: string; readonly detail: string }[];
  /** What the apiserver prints after `violates PodSecurity "level:version": `. */
  readonly message: string;
}

/** The whole pod's verdict worded exactly as Pod Security admission words it. */
export function podSecurityVerdict(podLike: unknown, options: PssOptions): PssVerdict {
  const pod = podView(podLike);
  const results = [];
  for (const { check, impl } of activeChecks(options.level, requireMinor(options.version))) {
    const offenders = impl.collect(pod);
    if (offenders.length > 0) results.push({ ruleId: check.meta.id, ...impl.describe(offenders) });
  }
  return {
    allowed: results.length === 0,
    results,
    message: results.map(formatWording).join(", "),
  };
}

/** Rule metadata of every PSS rule, sorted by id (for SARIF and `--rules` globs). */
export const pssRules: readonly RuleMeta[] = allChecks
  .map((c) => c.meta)
  .sort((a, b) => byCodeUnit(a.id, b.id));
