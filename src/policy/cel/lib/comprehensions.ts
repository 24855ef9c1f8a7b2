import type { Environment } from "@marcbachmann/cel-js";
import { celEquals } from "./equality.js";
import { fail } from "./errors.js";

/** Runtime helpers behind rewrite.ts: two-variable comprehensions and has() on any expression. */
export function registerComprehensionHelpers(env: Environment): void {
  // has(expr.field) where expr is not a plain identifier path (see rewrite.ts).
  env.registerFunction("__k8s_has(dyn, string): bool", (target: unknown, field: string) => {
    if (target instanceof Map) return (target as Map<unknown, unknown>).has(field);
    if (target !== null && typeof target === "object" && !Array.isArray(target))
      return Object.hasOwn(target, field);
    return fail("no such overload: has() on a value that is neither a map nor an object");
  });
  env.registerFunction("__k8s_entries(dyn): list<list<dyn>>", (range: unknown) => {
    if (Array.isArray(range)) return range.map((v, i) => [BigInt(i), v]);
    if (range instanceof Map) return [...(range as Map<unknown, unknown>).entries()].map(([k, v]) => [k, v]);
    if (range !== null && typeof range === "object") return Object.entries(range);
    return fail("no such overload: two-variable comprehension over a value that is neither a list nor a map");
  });
  env.registerFunction("__k8s_pairsToMap(list<list<dyn>>): map<dyn, dyn>", (pairs: unknown[][]) =>
    toMap(pairs, false),
  );
  env.registerFunction("__k8s_mergeMaps(list<dyn>): map<dyn, dyn>", (maps: unknown[]) => {
    const pairs: unknown[][] = [];
    for (const m of maps) {
      if (m instanceof Map) pairs.push(...[...(m as Map<unknown, unknown>).entries()]);
      else if (m !== null && typeof m === "object") pairs.push(...Object.entries(m));
      else fail("transformMapEntry: expression must return a map");
    }
    return toMap(pairs, true);
  });
}

function toMap(
  pairs: unknown[][],
  rejectDuplicates: boolean,
): Map<unknown, unknown> | Record<string, unknown> {
  // String keys stay a plain object (the library's usual map shape); other keys need a Map.
  if (pairs.every(([k]) => typeof k === "string")) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of pairs) {
      if (rejectDuplicates && Object.hasOwn(out, k as string))
        fail(`insert failed: key ${String(k)} already exists`);
      out[k as string] = v;
    }
    return out;
  }
  const out = new Map<unknown, unknown>();
  for (const [k, v] of pairs) {
    const existing = [...out.keys()].find((x) => celEquals(x, k));
    if (existing !== undefined && rejectDuplicates) fail(`insert failed: key ${String(k)} already exists`);
    out.set(existing ?? k, v);
  }
  return out;
}
