import { Optional } from "@marcbachmann/cel-js";
import { CostLimitError, CostMeter, enterMeter, PER_CALL_LIMIT } from "./cost.js";
import { kubernetesEnvironment } from "./environment.js";
import { re2, RegexSyntaxError } from "./re2.js";
import { rewrite } from "./rewrite.js";

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

function compileUncached(source: string): CompileResult {
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

export { Optional };
