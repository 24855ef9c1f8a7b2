import { Environment } from "@marcbachmann/cel-js";
import { registerCostMacro } from "./cost-macro.js";
import { registerLists } from "./lib/lists.js";
import { registerRegex } from "./lib/regex.js";
import { registerSets } from "./lib/sets.js";
import { registerStrings } from "./lib/strings.js";
import { registerKubernetesTypes } from "./lib/types.js";
import { registerComprehensionHelpers } from "./lib/comprehensions.js";
import { registerLiteralHelpers } from "./lib/literals.js";
import { COST_FUNCTION } from "./rewrite.js";

/** The variables a ValidatingAdmissionPolicy expression sees; all dyn (no OpenAPI schema offline). */
export const VAP_VARIABLES = [
  "object",
  "oldObject",
  "params",
  "namespaceObject",
  "request",
  "variables",
  "authorizer",
] as const;

/**
 * An activation with every VAP variable present (null, `variables` empty) and `values` over them:
 * what an expression sees when a caller sets only some (tests, benches, the CEL differential).
 */
export function vapActivation(
  values: Partial<Record<(typeof VAP_VARIABLES)[number], unknown>> = {},
): Record<string, unknown> {
  const activation: Record<string, unknown> = {};
  for (const name of VAP_VARIABLES) activation[name] = name === "variables" ? {} : null;
  return Object.assign(activation, values);
}

let shared: Environment | undefined;

/** The Kubernetes CEL environment (built once; registering functions is not free). */
export function kubernetesEnvironment(): Environment {
  if (shared !== undefined) return shared;
  const env = new Environment({
    enableOptionalTypes: true,
    unlistedVariablesAreDyn: false,
    homogeneousAggregateLiterals: true,
    limits: {
      maxAstNodes: 100_000,
      maxDepth: 250,
      maxListElements: 10_000,
      maxMapEntries: 10_000,
      maxCallArguments: 32,
    },
  });
  for (const name of VAP_VARIABLES) env.registerVariable(name, "dyn");
  // Comprehension ranges (see rewrite.ts); those read from the untyped request data get a
  // dyn-only twin, which needs no overload resolution at all.
  registerCostMacro(env, COST_FUNCTION, true);
  registerCostMacro(env, `${COST_FUNCTION}_dyn`, false);
  registerComprehensionHelpers(env);
  registerLiteralHelpers(env);
  // Types first: string() has overloads for net.IP and net.CIDR.
  registerKubernetesTypes(env);
  registerStrings(env);
  registerLists(env);
  registerRegex(env);
  registerSets(env);
  shared = env;
  return env;
}
