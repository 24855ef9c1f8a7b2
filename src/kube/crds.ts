/** Installing CustomResourceDefinitions and waiting until the apiserver serves them. */
import type { KubernetesObject } from "@kubernetes/client-node";
import { readIfExists, serverSideApply } from "./objects.js";
import type { RawKubeClient } from "./raw.js";

interface CrdStatus extends KubernetesObject {
  status?: { conditions?: { type: string; status: string; reason?: string; message?: string }[] };
}

export function conditionTrue(crd: KubernetesObject | undefined, type: string): boolean {
  return (
    (crd as CrdStatus | undefined)?.status?.conditions?.some((c) => c.type === type && c.status === "True") ??
    false
  );
}

/**
 * Server-side apply (no last-applied annotation: some upstream CRDs exceed its 256 KiB limit),
 * then poll until every one is Established, failing with the names that are not.
 */
export async function installCrds(
  c: RawKubeClient,
  crds: readonly KubernetesObject[],
  timeoutMs = 60_000,
): Promise<string[]> {
  for (const crd of crds) await serverSideApply(c, crd);
  const names = crds.map((crd) => crd.metadata?.name ?? "").sort();
  const deadline = Date.now() + timeoutMs;
  let pending = names;
  while (pending.length > 0) {
    const states = await Promise.all(
      pending.map(async (name) => {
        const crd = await readIfExists(c, {
          apiVersion: "apiextensions.k8s.io/v1",
          kind: "CustomResourceDefinition",
          metadata: { name },
        });
        return { name, established: conditionTrue(crd, "Established") };
      }),
    );
    pending = states.filter((s) => !s.established).map((s) => s.name);
    if (pending.length === 0) break;
    if (Date.now() > deadline)
      throw new Error(`CRDs not Established after ${timeoutMs} ms: ${pending.join(", ")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return names;
}
