import type { Environment } from "@marcbachmann/cel-js";
import { UnsignedInt } from "@marcbachmann/cel-js/evaluator";
import { canonical } from "../values.js";
import { fail, MAX_INT } from "./errors.js";

/**
 * Helpers behind rewrite.ts for literals and operators whose library behaviour differs from
 * cel-go: map literals with non-string keys (a real Map keyed by CEL value, where 1, 1u and 1.0
 * are the same key as in cel-go's heterogeneous equality) and checked unary minus.
 */
function normalKey(k: unknown): string {
  if (typeof k === "string") return `s:${k}`;
  if (typeof k === "boolean") return `b:${k}`;
  if (typeof k === "bigint") return `n:${k}`;
  if (k instanceof UnsignedInt) return `n:${k.valueOf()}`;
  if (typeof k === "number") return Number.isInteger(k) ? `n:${BigInt(k)}` : `d:${k}`;
  // cel-go even accepts lists, maps and types as literal keys; compare those by value.
  return `c:${JSON.stringify(canonical(k))}`;
}

export function celMap(pairs: unknown[][]): Map<unknown, unknown> {
  const map = new Map<unknown, unknown>();
  const index = new Map<string, unknown>();
  for (const [k, v] of pairs) {
    const nk = normalKey(k);
    if (index.has(nk)) fail(`Failed with repeated key`);
    index.set(nk, k);
    map.set(k, v);
  }
  const get = (k: unknown): unknown => {
    const original = index.get(normalKey(k));
    return original === undefined ? undefined : Map.prototype.get.call(map, original);
  };
  const has = (k: unknown): boolean => index.has(normalKey(k));
  return Object.assign(map, { get, has });
}

export function registerLiteralHelpers(env: Environment): void {
  env.registerFunction("__k8s_map(list<list<dyn>>): map<dyn, dyn>", celMap);
  env.registerFunction("__k8s_neg(int): int", (v: bigint) => (-v > MAX_INT ? fail("integer overflow") : -v));
  env.registerFunction("__k8s_neg(double): double", (v: number) => -v);
}
