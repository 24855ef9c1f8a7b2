import type { Environment } from "@marcbachmann/cel-js";
import { UnsignedInt } from "@marcbachmann/cel-js/evaluator";
import { chargeLength } from "../cost.js";
import { celCompare, celEquals } from "./equality.js";
import { checkInt, fail } from "./errors.js";

/** Kubernetes' lists library plus cel-go's ext lists (both are in the apiserver's environment). */
export function registerLists(env: Environment): void {
  const fn = (sig: string, handler: (...args: never[]) => unknown): void => {
    env.registerFunction(sig, handler as (...args: unknown[]) => unknown);
  };
  fn("list.isSorted(): bool", (l: unknown[]) => {
    chargeLength(l.length * 10);
    for (let i = 1; i < l.length; i++) if (celCompare(l[i - 1], l[i]) > 0) return false;
    return true;
  });
  fn("list<A>.sum(): A", (l: unknown[]) => {
    chargeLength(l.length * 10);
    if (l.length === 0) return 0n;
    const first = l[0];
    if (typeof first === "number") return l.reduce<number>((s, x) => s + Number(x), 0);
    if (first instanceof UnsignedInt)
      return new UnsignedInt(l.reduce<bigint>((s, x) => s + (x as UnsignedInt).valueOf(), 0n));
    if (typeof first === "bigint")
      return checkInt(l.reduce<bigint>((s, x) => checkInt(s + (x as bigint)), 0n));
    return fail("no such overload: sum");
  });
  const extreme = (name: string, sign: number) => (l: unknown[]) => {
    chargeLength(l.length * 10);
    if (l.length === 0) fail(`${name} called on empty list`);
    let best = l[0];
    for (const x of l) if (celCompare(x, best) * sign > 0) best = x;
    return best;
  };
  fn("list<A>.min(): A", extreme("min", -1));
  fn("list<A>.max(): A", extreme("max", 1));
  fn("list.__k8s_indexOf(dyn): int", (l: unknown[], x: unknown) => {
    chargeLength(l.length * 10);
    return BigInt(l.findIndex((y) => celEquals(x, y)));
  });
  fn("list.__k8s_lastIndexOf(dyn): int", (l: unknown[], x: unknown) => {
    chargeLength(l.length * 10);
    return BigInt(l.findLastIndex((y) => celEquals(x, y)));
  });
  // cel-go ext lists
  fn("list<A>.slice(int, int): list<A>", (l: unknown[], a: bigint, b: bigint) => {
    if (a < 0n || b < 0n) fail(`cannot slice(${a}, ${b}), negative indexes not supported`);
    if (a > b) fail(`cannot slice(${a}, ${b}), start index must be less than or equal to end index`);
    if (b > BigInt(l.length)) fail(`cannot slice(${a}, ${b}), list is length ${l.length}`);
    return l.slice(Number(a), Number(b));
  });
  const flatten = (l: unknown[], depth: bigint): unknown[] => {
    if (depth < 0n) fail("level must be non-negative");
    const out: unknown[] = [];
    for (const x of l) {
      if (Array.isArray(x) && depth > 0n) out.push(...flatten(x, depth - 1n));
      else out.push(x);
    }
    return out;
  };
  fn("list.flatten(): list", (l: unknown[]) => flatten(l, 1n));
  fn("list.flatten(int): list", flatten);
  fn("list<A>.distinct(): list<A>", (l: unknown[]) => {
    chargeLength(l.length * l.length);
    const out: unknown[] = [];
    for (const x of l) if (!out.some((y) => celEquals(x, y))) out.push(x);
    return out;
  });
  fn("list<A>.__k8s_reverse(): list<A>", (l: unknown[]) => [...l].reverse());
  fn("list<A>.sort(): list<A>", (l: unknown[]) => {
    chargeLength(l.length * 10);
    return [...l].sort(celCompare);
  });
  fn("__k8s_lists_range(int): list<int>", (n: bigint) => {
    chargeLength(Number(n) * 10);
    const out: bigint[] = [];
    for (let i = 0n; i < n; i++) out.push(i);
    return out;
  });
}
