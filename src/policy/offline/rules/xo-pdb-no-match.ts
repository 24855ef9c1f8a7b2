/** A PodDisruptionBudget that protects nothing. */
import type { OfflineRule } from "../model.js";
import { labelSelectorSelects, namespaceOf, podTemplates } from "../selectors.js";

export const rule: OfflineRule = {
  meta: {
    id: "xo-pdb-no-match",
    severity: "warning",
    title: "PodDisruptionBudgets match a workload",
    why: "A PDB that selects no pod gives a false sense of safety: drains evict the real pods freely.",
    fix: "Make spec.selector match the pod template labels of the workload to protect.",
    tags: ["offline-only"],
  },
  check(objects) {
    const pods = podTemplates(objects);
    if (pods.length === 0) return [];
    return objects.flatMap((o) => {
      if (o.object.kind !== "PodDisruptionBudget") return [];
      const selector = (o.object.spec as { selector?: unknown } | undefined)?.selector;
      const ns = namespaceOf(o.object);
      if (pods.some((p) => p.namespace === ns && labelSelectorSelects(selector, p.labels))) return [];
      return [
        {
          index: o.index,
          message: "selector matches no pod in the checked files",
          path: ["spec", "selector"],
        },
      ];
    });
  },
};
