import type { InClusterComponent } from "./components.js";
import { kustomization } from "./guardrails.js";

export const componentsDir = "components";

/**
 * Components shipped as release manifests get a kustomization that points at the pinned release URL;
 * Argo CD and Flux both build it, so the manifests never have to be copied into the repository.
 */
export function renderManifestComponents(components: readonly InClusterComponent[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const c of components) {
    if (c.kind !== "manifests") continue;
    files.set(`${componentsDir}/${c.id}/kustomization.yaml`, kustomization([c.source]));
  }
  return files;
}
