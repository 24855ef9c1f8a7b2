/**
 * The Go reference evaluator (tools/cel-reference: Kubernetes' own CEL environment from
 * k8s.io/apiserver) as a child process: built on first use with the machine's Go toolchain and
 * cached outside the repository under ~/.cache/bespoke/cel-reference/<hash of its sources>/.
 * Used by the differential test (test/e2e/cel-differential.test.ts) and by bench/cel.ts.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { UnsignedInt } from "@marcbachmann/cel-js/evaluator";

const source = resolve(import.meta.dirname, "../tools/cel-reference");

export function referenceBinary(): string {
  const hash = createHash("sha256");
  for (const f of ["go.mod", "go.sum", "main.go"]) hash.update(readFileSync(join(source, f)));
  const cacheRoot = process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache");
  const dir = join(cacheRoot, "bespoke", "cel-reference", hash.digest("hex").slice(0, 16));
  const bin = join(dir, "cel-reference");
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const tmp = `${bin}.${process.pid}.tmp`;
  const r = spawnSync("go", ["build", "-o", tmp, "."], {
    cwd: source,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (r.error !== undefined || r.status !== 0) {
    throw new Error(`building the CEL reference failed (is Go installed?): ${r.error?.message ?? r.stderr}`);
  }
  renameSync(tmp, bin);
  return bin;
}

/** JSON text that keeps CEL ints (bigint) and doubles (number) apart: doubles always get a `.0`. */
export function celJson(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof UnsignedInt) return value.valueOf().toString();
  if (typeof value === "number") {
    const text = JSON.stringify(value);
    return /^-?\d+$/.test(text) ? `${text}.0` : text;
  }
  if (Array.isArray(value)) return `[${value.map(celJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${celJson(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface ReferenceCase {
  expression: string;
  variables: Record<string, unknown>;
}

export type ReferenceResult = { ok: true; value: unknown } | { ok: false; stage: string; error: string };

export function runReference(cases: readonly ReferenceCase[], args: string[] = []): string {
  const input = cases
    .map((c) => `{"expression":${JSON.stringify(c.expression)},"variables":${celJson(c.variables)}}`)
    .join("\n");
  const r = spawnSync(referenceBinary(), args, { input, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`cel-reference failed: ${r.stderr}`);
  return r.stdout;
}

export function evaluateWithReference(cases: readonly ReferenceCase[]): ReferenceResult[] {
  return runReference(cases)
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const o = JSON.parse(l) as { result?: { value: unknown }; stage?: string; error?: string };
      return o.result !== undefined
        ? { ok: true, value: o.result.value }
        : { ok: false, stage: o.stage ?? "", error: o.error ?? "" };
    });
}
