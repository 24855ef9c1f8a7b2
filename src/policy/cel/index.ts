/**
 * Offline CEL with Kubernetes semantics, on top of @marcbachmann/cel-js (see docs/adr on the choice).
 *
 *   const r = compileCel("object.spec.replicas <= 3");
 *   if (r.ok) r.expression.evaluate({ object: toCel(obj), oldObject: null, ... });
 *
 * Evaluation never throws: it returns `{ ok: false, error }` like cel-go returns an error value.
 */
export { compileCel, type CelResult, type CompiledExpression, type CompileResult } from "./compile.js";
export { CostMeter, CostLimitError, PER_CALL_LIMIT, RUNTIME_BUDGET } from "./cost.js";
export { VAP_VARIABLES, vapActivation } from "./environment.js";
export { toCel, parseJsonForCel, canonical, type Canonical } from "./values.js";
