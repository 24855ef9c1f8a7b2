import { Optional } from "@marcbachmann/cel-js";
import { CostLimitError, CostMeter, enterMeter, PER_CALL_LIMIT } from "./cost.js";
import { kubernetesEnvironment } from "./environment.js";
import { re2, RegexSyntaxError } from "./re2.js";
import { children, rewrite } from "./rewrite.js";

export type CelResult = { ok: true; value: unknown } | { ok: false; error: string; costExceeded?: true };

export interface CompiledExpression {
  readonly source: string;
  /** The expression as evaluated after renaming calls to Kubernetes-semantics functions. */
  readonly rewritten: string;
  /** The checked result type ("bool", "string", "dyn", …). */
  readonly type: string;
  /** Evaluate against an activation (CEL values; see values.ts). Never throws. */
  evaluate(activation: Record<string, unknown>, meter?: CostMeter): CelResult;
}

export type CompileResult = { ok: true; expression: CompiledExpression } | { ok: false; error: string };

const cache = new Map<string, CompileResult>();

/** Compile once, cached by source text: policies repeat expressions across validations. */
export function compileCel(source: string): CompileResult {
  let hit = cache.get(source);
  if (hit === undefined) {
    hit = compileUncached(source);
    cache.set(source, hit);
  }
  return hit;
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // The library appends a source excerpt after a blank line; keep the first line only, and name
  // functions as the user wrote them.
  return (text.split("\n")[0] ?? text).replaceAll("__k8s_", "");
}

function compileUncached(source: string, checkLiterals = true): CompileResult {
  const env = kubernetesEnvironment();
  try {
    const first = env.parse(source);
    const rewritten = rewrite(first.ast, source);
    for (const pattern of rewritten.regexLiterals) {
      try {
        re2(pattern);
      } catch (e) {
        if (e instanceof RegexSyntaxError) return { ok: false, error: e.message };
        throw e;
      }
    }
    const parsed = env.parse(rewritten.source);
    const checked = parsed.check();
    if (!checked.valid) return { ok: false, error: message(checked.error) };
    const folded = checkLiterals
      ? literalConversionError(first.ast as unknown as FoldNode, source)
      : undefined;
    if (folded !== undefined) return { ok: false, error: folded };
    const baseCost = rewritten.nodeCount;
    const type = checked.type ?? "dyn";
    const evaluate = (activation: Record<string, unknown>, meter?: CostMeter): CelResult => {
      const m = meter ?? new CostMeter(PER_CALL_LIMIT);
      const previous = enterMeter(m);
      try {
        m.spend(baseCost);
        const value: unknown = parsed(activation);
        return { ok: true, value };
      } catch (e) {
        if (e instanceof CostLimitError) return { ok: false, error: e.message, costExceeded: true };
        return { ok: false, error: message(e) };
      } finally {
        enterMeter(previous);
      }
    };
    return { ok: true, expression: { source, rewritten: rewritten.source, type, evaluate } };
  } catch (e) {
    return { ok: false, error: message(e) };
  }
}

interface FoldNode {
  op: string;
  args: unknown;
  start: number;
  end: number;
}

const CONVERSIONS = new Set(["int", "uint", "double", "string", "bytes", "bool", "duration", "timestamp"]);

// A conversion of a literal, or of such a conversion (`int(double(9223372036854775807))`).
function isConstantConversion(node: FoldNode): boolean {
  if (node.op !== "call") return false;
  const [name, args] = node.args as [string, FoldNode[]];
  const arg = args[0];
  if (!CONVERSIONS.has(name) || args.length !== 1 || arg === undefined) return false;
  return isLiteral(arg) || isConstantConversion(arg);
}

function isLiteral(node: FoldNode): boolean {
  return node.op === "value" || (node.op === "-_" && (node.args as FoldNode).op === "value");
}

// Rebuilt from the parts (the parser's ranges can leave out parentheses).
function constantText(node: FoldNode, source: string): string {
  if (node.op === "value") return source.slice(node.start, node.end);
  if (node.op === "-_") return `-${constantText(node.args as FoldNode, source)}`;
  const [name, args] = node.args as [string, FoldNode[]];
  return `${name}(${constantText(args[0] as FoldNode, source)})`;
}

/**
 * cel-go evaluates type conversions of literals (`int(1e20)`, `double('x')`) when it plans the
 * program, so their errors are compile errors in the apiserver, even in a branch that never runs.
 */
function literalConversionError(node: FoldNode, source: string): string | undefined {
  if (isConstantConversion(node)) {
    const c = compileUncached(constantText(node, source), false);
    const r = c.ok ? c.expression.evaluate({}) : c;
    if (!r.ok) return r.error;
  }
  for (const child of children(node as never)) {
    const e = literalConversionError(child as unknown as FoldNode, source);
    if (e !== undefined) return e;
  }
  return undefined;
}

export { Optional };
