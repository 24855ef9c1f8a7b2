import type { Condition } from "../catalog/schema.js";
import type { Facts } from "../spec/facts.js";

export function holds(c: Condition, facts: Facts): boolean {
  const v = facts[c.fact];
  if (c.equals !== undefined) return v === c.equals;
  if (c.in !== undefined) return c.in.includes(v);
  if (c.atLeast !== undefined) return typeof v === "number" && v >= c.atLeast;
  if (c.atMost !== undefined) return typeof v === "number" && v <= c.atMost;
  return false;
}

/** The first condition that does not hold, if any. */
export function firstFailing(conds: readonly Condition[], facts: Facts): Condition | undefined {
  return conds.find((c) => !holds(c, facts));
}

export function firstHolding(conds: readonly Condition[], facts: Facts): Condition | undefined {
  return conds.find((c) => holds(c, facts));
}
