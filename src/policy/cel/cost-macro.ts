import type { ASTNode, Environment } from "@marcbachmann/cel-js";
import { charge } from "./cost.js";

/*
 * The comprehension cost charge (`__k8s_cost(range, k)`, see rewrite.ts) as a macro rather than
 * a function. As a function its range argument is dyn for object data, so every call resolved its
 * overload at run time (a deep runtime type of the range plus placeholder matching), which doubled
 * the time of a typical `containers.filter(…)`. The macro keeps the function's exact semantics:
 * types and compile errors come from the library's own overload resolution of the same signatures
 * (registered under a `_typed` name), and at run time the value is only checked when the
 * function's resolution could have failed, by the same resolution, so errors read the same.
 */

// The parts of the library's checker and evaluator a macro receives (untyped in its .d.ts).
interface CelType {
  readonly kind: string;
  readonly hasDynType: boolean;
  readonly unwrappedType: unknown;
}
interface Candidates {
  findFunction(argTypes: CelType[]): { returnType: CelType } | null;
}
interface Checker {
  check(node: ASTNode, ctx: unknown): CelType;
  formatTypeList(types: CelType[]): string;
  createError(code: string, message: string, node: ASTNode): Error;
  registry: { functionCandidates(receiver: boolean, name: string, argCount: number): Candidates };
}
interface Evaluator {
  run(node: ASTNode, ctx: unknown): unknown;
  debugRuntimeType(value: unknown, checked: CelType | undefined): CelType;
  createError(code: string, message: string, node: ASTNode): Error;
}

interface CostMacro {
  readonly name: string;
  readonly ast: ASTNode;
  readonly range: ASTNode;
  readonly units: ASTNode;
  /** Whether only list and map ranges have an overload (the generic variant). */
  readonly listOrMap: boolean;
  // Set by typeCheck.
  candidates?: Candidates;
  argTypes?: [CelType, CelType];
  /** The function would have resolved its overload at run time (an argument type has dyn). */
  dynamic?: boolean;
}

export function rangeSize(range: unknown): number {
  return Array.isArray(range)
    ? range.length
    : range instanceof Map
      ? range.size
      : range === null
        ? 0
        : Object.keys(range as object).length;
}

/** What the function handler did: charge size × k and pass the range through. */
export function chargeRange(range: unknown, k: bigint): unknown {
  charge(rangeSize(range) * Number(k));
  return range;
}

// Values whose runtime type is a list or a map for the library (its debugType), so the generic
// variant's `list<A>` / `map<K, V>` overloads match them whatever their element types.
function isListOrMap(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return false;
  const c = (v as { constructor?: unknown }).constructor;
  return c === Array || c === Object || c === Map || c === Set || c === undefined;
}

function typeCheck(chk: Checker, macro: CostMacro, ctx: unknown): CelType {
  const argTypes: [CelType, CelType] = [chk.check(macro.range, ctx), chk.check(macro.units, ctx)];
  const candidates = chk.registry.functionCandidates(false, `${macro.name}_typed`, 2);
  const decl = candidates.findFunction(argTypes);
  if (!decl) {
    throw chk.createError(
      "no_matching_overload",
      `found no matching overload for '${macro.name}(${chk.formatTypeList(argTypes)})'`,
      macro.ast,
    );
  }
  macro.candidates = candidates;
  macro.argTypes = argTypes;
  macro.dynamic = argTypes.some((t) => t.hasDynType);
  return decl.returnType;
}

function evaluate(ev: Evaluator, macro: CostMacro, ctx: unknown): unknown {
  // Arguments in the library's order for calls (last first).
  const k = ev.run(macro.units, ctx);
  const range = ev.run(macro.range, ctx);
  if (
    macro.dynamic === true &&
    !(typeof k === "bigint" && (macro.listOrMap ? isListOrMap(range) : isPlainValue(range)))
  ) {
    const types = [
      ev.debugRuntimeType(range, macro.argTypes?.[0]),
      ev.debugRuntimeType(k, macro.argTypes?.[1]),
    ];
    if (macro.candidates?.findFunction(types) == null) {
      throw ev.createError(
        "no_matching_overload",
        `found no matching overload for '${macro.name}(${types.map((t) => String(t.unwrappedType)).join(", ")})'`,
        macro.ast,
      );
    }
  }
  return chargeRange(range, k as bigint);
}

// For the dyn variant every value matches; what is left of the function's runtime resolution is
// the library's type lookup, which rejects values that are not CEL values. Values of these shapes
// it accepts without looking further (toCel produces no others inside lists and maps).
function isPlainValue(v: unknown): boolean {
  const t = typeof v;
  return (
    t === "string" || t === "bigint" || t === "boolean" || t === "number" || v === null || isListOrMap(v)
  );
}

/**
 * Registers `name(range, k)` for the generic (`listOrMap`) or the dyn variant, with the typed
 * overloads that decide its type under `${name}_typed`.
 */
export function registerCostMacro(env: Environment, name: string, listOrMap: boolean): void {
  const handler = (range: unknown, k: bigint): unknown => chargeRange(range, k);
  if (listOrMap) {
    env.registerFunction(`${name}_typed(list<A>, int): list<A>`, handler);
    env.registerFunction(`${name}_typed(map<K, V>, int): map<K, V>`, handler);
  } else {
    env.registerFunction(`${name}_typed(dyn, int): dyn`, handler);
  }
  env.registerFunction(`${name}(ast, ast): dyn`, (({ ast, args }: { ast: ASTNode; args: ASTNode[] }) => {
    const macro: CostMacro = { name, ast, range: args[0] as ASTNode, units: args[1] as ASTNode, listOrMap };
    return {
      ...macro,
      async: false,
      typeCheck: (chk: Checker, m: CostMacro, ctx: unknown) => typeCheck(chk, m, ctx),
      evaluate: (ev: Evaluator, m: CostMacro, ctx: unknown) => evaluate(ev, m, ctx),
    };
  }) as never);
}
