/** Replicated workloads without a PodDisruptionBudget. */
import type { OfflineRule } from "../model.js";
import { labelSelectorSelects, namespaceOf, stringMap } from "../selectors.js";

export const rule: OfflineRule = {
  meta: {
    id: "xo-pdb-missing",
    severity: "warning",
    title: "Replicated workloads have a PodDisruptionBudget",
    why: "Without a PDB a node drain may evict every replica at once, turning routine maintenance into an outage.",
    fix: "Add a PodDisruptionBudget (e.g. maxUnavailable: 1) selecting the workload's pods.",
    tags: ["offline-only"],
  },
  check(objects) {
    const pdbs = objects.filter((o) => o.object.kind === "PodDisruptionBudget");
    return objects.flatMap((o) => {
      if (o.object.kind !== "Deployment" && o.object.kind !== "StatefulSet") return [];
      const spec = o.object.spec as
        { replicas?: unknown; template?: { metadata?: { labels?: unknown } } } | undefined;
      const replicas = typeof spec?.replicas === "number" ? spec.replicas : 1;
      if (replicas < 2) return [];
      const labels = stringMap(spec?.template?.metadata?.labels);
      const ns = namespaceOf(o.object);
      const covered = pdbs.some(
        (p) =>
          namespaceOf(p.object) === ns &&
          labelSelectorSelects((p.object.spec as { selector?: unknown } | undefined)?.selector, labels),
      );
      return covered
        ? []
        : [{ index: o.index, message: `${replicas} replicas and no PodDisruptionBudget selects them` }];
    });
  },
};
