/**
 * Pod Security Standards versions as the `pod-security.kubernetes.io/*-version` labels spell
 * them: `v1.N` or `latest`. Each version is a minor of Kubernetes 1.x; a check applies from its
 * own minimum version on, so a version is just a number to compare.
 */
import { Codes } from "../../core/codes.js";
import { BespokeInputError, diagnostic } from "../../core/diagnostics.js";
import type { Diagnostic } from "../../core/diagnostics.js";

/** Newest Kubernetes minor whose Pod Security admission we reproduce. */
export const latestMinor = 37;

export type PssVersion = `v1.${number}` | "latest";

/** Every version we know, oldest first, without `latest`. */
export const knownPssVersions: readonly string[] = Array.from(
  { length: latestMinor + 1 },
  (_, minor) => `v1.${minor}`,
);

const versionPattern = /^v1\.(0|[1-9][0-9]*)$/;

/** The minor number of a known version; `undefined` for anything else. */
export function minorOf(version: string): number | undefined {
  if (version === "latest") return latestMinor;
  const match = versionPattern.exec(version);
  if (!match) return undefined;
  const minor = Number(match[1]);
  return minor <= latestMinor ? minor : undefined;
}

export type PssVersionCheck =
  | { readonly ok: true; readonly version: PssVersion; readonly minor: number }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

/** Validates a `--pss-version` value; the diagnostic says which values exist. */
export function parsePssVersion(input: string, source = "--pss-version"): PssVersionCheck {
  const trimmed = input.trim();
  const minor = minorOf(trimmed);
  if (minor !== undefined) return { ok: true, version: trimmed as PssVersion, minor };
  const guess = minorOf(`v${trimmed}`) ?? minorOf(`v1.${trimmed}`);
  const tooNew = versionPattern.test(trimmed);
  const hint =
    guess !== undefined
      ? `did you mean v1.${guess}? Versions are written v1.N (v1.0 to v1.${latestMinor}) or latest`
      : tooNew
        ? `v1.${latestMinor} is the newest version known to this bespoke; use it or latest`
        : `use v1.N with N from 0 to ${latestMinor}, or latest`;
  return {
    ok: false,
    diagnostic: diagnostic(
      Codes.pssUnknownVersion,
      `unknown Pod Security Standards version ${JSON.stringify(input)} given by ${source}`,
      undefined,
      hint,
    ),
  };
}

/** For CLI glue: the version, or a BespokeInputError (exit 2, code BSP3901, hint) for bad input. */
export function requirePssVersion(input: string, source = "--pss-version"): PssVersion {
  const result = parsePssVersion(input, source);
  if (!result.ok) throw new BespokeInputError([result.diagnostic]);
  return result.version;
}
