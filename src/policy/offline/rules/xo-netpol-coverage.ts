/** Workloads whose pods no NetworkPolicy selects. */
import type { OfflineRule } from "../model.js";
import { labelSelectorSelects, namespaceOf, podTemplates } from "../selectors.js";

export const rule: OfflineRule = {
  meta: {
    id: "xo-netpol-coverage",
    severity: "warning",
    title: "Every workload is selected by a NetworkPolicy",
    why: "Pods no NetworkPolicy selects accept traffic from anywhere in the cluster, so one compromised pod reaches them all.",
    fix: "Add a default-deny NetworkPolicy (podSelector: {}) to the namespace and allow the traffic each workload needs.",
    tags: ["offline-only"],
  },
  check(objects) {
    const policies = objects.filter((o) => o.object.kind === "NetworkPolicy");
    const seen = new Set<number>();
    return podTemplates(objects).flatMap((p) => {
      if (seen.has(p.owner.index)) return [];
      seen.add(p.owner.index);
      const covered = policies.some(
        (n) =>
          namespaceOf(n.object) === p.namespace &&
          labelSelectorSelects(
            (n.object.spec as { podSelector?: unknown } | undefined)?.podSelector,
            p.labels,
          ),
      );
      return covered
        ? []
        : [{ index: p.owner.index, message: "no NetworkPolicy in the checked files selects these pods" }];
    });
  },
};
