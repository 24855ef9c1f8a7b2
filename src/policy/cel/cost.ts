/**
 * Runtime cost accounting, an approximation of the apiserver's (cel-go's actual-cost tracker).
 *
 * The apiserver stops one expression after {@link PER_CALL_LIMIT} cost units and one policy
 * evaluation after {@link RUNTIME_BUDGET} units. cel-go charges about one unit per evaluated node,
 * one per comprehension iteration step and size-proportional amounts for string and list functions.
 * We charge: the expression's node count once, `size(range) × (nodes in the loop body + 1)` per
 * comprehension (see rewrite.ts), and `ceil(length / 10)` in our string, regex and list functions.
 * Close enough that runaway expressions fail here the way they fail in a cluster; not exact.
 */

export const PER_CALL_LIMIT = 1_000_000;
export const RUNTIME_BUDGET = 10_000_000;

// Fields are declared explicitly (no parameter properties) so Node can strip types and run this.
export class CostLimitError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super("operation cancelled: actual cost limit exceeded");
    this.limit = limit;
    this.name = "CostLimitError";
  }
}

export class CostMeter {
  #spent = 0;
  #limit: number;
  constructor(limit: number = PER_CALL_LIMIT) {
    this.#limit = limit;
  }

  get limit(): number {
    return this.#limit;
  }

  get spent(): number {
    return this.#spent;
  }

  /** Starts over with a new limit: the engine reuses meters rather than making one per call. */
  reset(limit: number): void {
    this.#spent = 0;
    this.#limit = limit;
  }

  spend(units: number): void {
    this.#spent += units;
    if (this.#spent > this.#limit) throw new CostLimitError(this.#limit);
  }
}

// Evaluation is synchronous and single-threaded, so the meter of the expression being evaluated is
// held here instead of being threaded through every library function's signature.
let active: CostMeter | undefined;

export function charge(units: number): void {
  if (active !== undefined) active.spend(units);
}

/** Proportional charge for work over `length` items/characters, cel-go's 0.1 per character. */
export function chargeLength(length: number): void {
  if (active !== undefined) active.spend(Math.ceil(length / 10));
}

/** Makes `meter` the active one and returns the previous (restore it with another call). */
export function enterMeter(meter: CostMeter | undefined): CostMeter | undefined {
  const previous = active;
  active = meter;
  return previous;
}

export function withMeter<T>(meter: CostMeter | undefined, fn: () => T): T {
  const previous = active;
  active = meter;
  try {
    return fn();
  } finally {
    active = previous;
  }
}
