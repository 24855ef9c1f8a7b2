/**
 * Which Kubernetes release `bespoke dev` runs. Pure: no IO, so the CLI and tests share one parser.
 * The default is the newest stable patch whose `go` directive the supported Go toolchain accepts
 * (see docs/adr on building the control plane from Go modules).
 */
import { Codes } from "../core/codes.js";
import { diagnostic, type Diagnostic } from "../core/diagnostics.js";

export const DEFAULT_KUBE_VERSION = "v1.37.2";

/** An exact release (v1.37.2) or a minor line (v1.37) that the build script resolves to its newest patch. */
export type KubeVersionRequest =
  | { readonly kind: "exact"; readonly version: string; readonly minor: number }
  | { readonly kind: "minor"; readonly version: string; readonly minor: number };

export function parseKubeVersion(input: string): KubeVersionRequest | Diagnostic {
  const m = /^v?1\.(\d{1,3})(?:\.(\d{1,4}))?$/.exec(input.trim());
  if (!m?.[1]) {
    return diagnostic(
      Codes.devBadVersion,
      `'${input}' is not a Kubernetes version`,
      undefined,
      `use v1.N (newest patch of that minor) or v1.N.P, e.g. ${DEFAULT_KUBE_VERSION}`,
    );
  }
  const minor = Number(m[1]);
  if (m[2] !== undefined) return { kind: "exact", version: `v1.${minor}.${Number(m[2])}`, minor };
  // The default release already is the newest patch of its minor line: skip the lookup.
  if (`v1.${minor}` === minorOf(DEFAULT_KUBE_VERSION))
    return { kind: "exact", version: DEFAULT_KUBE_VERSION, minor };
  return { kind: "minor", version: `v1.${minor}`, minor };
}

export function minorOf(version: string): string {
  return version.split(".").slice(0, 2).join(".");
}

export function isDiagnostic(x: unknown): x is Diagnostic {
  return typeof x === "object" && x !== null && "code" in x && "message" in x;
}
