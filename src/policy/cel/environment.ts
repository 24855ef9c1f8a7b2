import { Environment } from "@marcbachmann/cel-js";
import { charge } from "./cost.js";
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
  const cost = (range: { length?: number; size?: number } | object | null, k: bigint): unknown => {
    const size = Array.isArray(range)
      ? range.length
      : range instanceof Map
        ? range.size
        : range === null
          ? 0
          : Object.keys(range).length;
    charge(size * Number(k));
    return range;
  };
  env.registerFunction(`${COST_FUNCTION}(list<A>, int): list<A>`, cost);
  env.registerFunction(`${COST_FUNCTION}(map<K, V>, int): map<K, V>`, cost);
  // Ranges read from the (untyped) request data are dyn anyway; a dyn-only twin skips the
  // library's generic overload matching at run time, which is measurable on every loop.
  env.registerFunction(`${COST_FUNCTION}_dyn(dyn, int): dyn`, cost);
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
