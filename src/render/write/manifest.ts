import { createHash } from "node:crypto";
import type { RenderedTree } from "../types.js";

export const manifestPath = ".bespoke/manifest.json";

/** The files Bespoke owns in an output directory, with the sha256 of what it wrote. */
export interface OwnedManifest {
  readonly generator: "bespoke";
  readonly version: 1;
  readonly files: Readonly<Record<string, string>>;
}

export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

export function manifestFor(tree: RenderedTree): OwnedManifest {
  const files: Record<string, string> = {};
  for (const p of [...tree.keys()].sort()) files[p] = sha256(tree.get(p) ?? "");
  return { generator: "bespoke", version: 1, files };
}

export function manifestText(m: OwnedManifest): string {
  return JSON.stringify(m, null, 2) + "\n";
}

/** The tree plus its manifest: exactly what lands on disk. */
export function withManifest(tree: RenderedTree): Map<string, string> {
  const out = new Map(tree);
  out.set(manifestPath, manifestText(manifestFor(tree)));
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** undefined when the text is not a manifest Bespoke wrote (the caller decides what that means). */
export function parseManifest(text: string): OwnedManifest | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== "object" || v === null) return undefined;
    const m = v as Record<string, unknown>;
    if (m["generator"] !== "bespoke" || m["version"] !== 1) return undefined;
    const files = m["files"];
    if (typeof files !== "object" || files === null || Array.isArray(files)) return undefined;
    for (const [k, h] of Object.entries(files)) {
      if (
        typeof h !== "string" ||
        !/^[0-9a-f]{64}$/.test(h) ||
        k.startsWith("/") ||
        k.split("/").includes("..")
      )
        return undefined;
    }
    return { generator: "bespoke", version: 1, files: files as Record<string, string> };
  } catch {
    return undefined;
  }
}
