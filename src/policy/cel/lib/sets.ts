import type { Environment } from "@marcbachmann/cel-js";
import { chargeLength } from "../cost.js";
import { celEquals } from "./equality.js";

/** cel-go's sets extension: sets.contains, sets.equivalent, sets.intersects (CEL equality). */
export function registerSets(env: Environment): void {
  const has = (l: unknown[], x: unknown): boolean => l.some((y) => celEquals(x, y));
  const contains = (a: unknown[], b: unknown[]): boolean => {
    chargeLength(a.length * b.length);
    return b.every((x) => has(a, x));
  };
  env.registerFunction("__k8s_sets_contains(list, list): bool", contains);
  env.registerFunction(
    "__k8s_sets_equivalent(list, list): bool",
    (a: unknown[], b: unknown[]) => contains(a, b) && contains(b, a),
  );
  env.registerFunction("__k8s_sets_intersects(list, list): bool", (a: unknown[], b: unknown[]) => {
    chargeLength(a.length * b.length);
    return b.some((x) => has(a, x));
  });
}
