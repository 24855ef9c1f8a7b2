import type { Environment } from "@marcbachmann/cel-js";
import { registerNet } from "./net.js";
import { registerQuantity } from "./quantity.js";
import { registerSemver } from "./semver.js";
import { registerURL } from "./url.js";

/** Opaque Kubernetes types: quantity, ip, cidr, url, semver. */
export function registerKubernetesTypes(env: Environment): void {
  registerQuantity(env);
  registerNet(env);
  registerURL(env);
  registerSemver(env);
}
