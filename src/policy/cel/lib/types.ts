import type { Environment } from "@marcbachmann/cel-js";

/** Opaque Kubernetes types (quantity, ip, cidr, url, semver): filled in by their own modules. */
export function registerKubernetesTypes(env: Environment): void {
  void env;
}
