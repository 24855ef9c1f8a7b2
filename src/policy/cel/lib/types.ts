import type { Environment } from "@marcbachmann/cel-js";
import { registerNet } from "./net.js";
import { registerQuantity } from "./quantity.js";

/** Opaque Kubernetes types: quantity (ip, cidr, url, semver follow the same pattern). */
export function registerKubernetesTypes(env: Environment): void {
  registerQuantity(env);
  registerNet(env);
}
