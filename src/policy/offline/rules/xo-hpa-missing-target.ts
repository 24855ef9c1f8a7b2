/** An HPA whose scale target is not among the checked objects. */
import type { OfflineRule } from "../model.js";
import { nameOf, namespaceOf } from "../selectors.js";

export const rule: OfflineRule = {
  meta: {
    id: "xo-hpa-missing-target",
    severity: "error",
    title: "HorizontalPodAutoscalers target an existing workload",
    why: "An HPA pointing at a missing or renamed workload scales nothing, and nobody notices until load arrives.",
    fix: "Point spec.scaleTargetRef at the workload's kind and name (same namespace), or remove the HPA.",
    tags: ["offline-only"],
  },
  check(objects) {
    const present = new Set(
      objects.map((o) => `${o.object.kind}/${namespaceOf(o.object)}/${nameOf(o.object)}`),
    );
    return objects.flatMap((o) => {
      if (o.object.kind !== "HorizontalPodAutoscaler") return [];
      const ref = (o.object.spec as { scaleTargetRef?: { kind?: unknown; name?: unknown } } | undefined)
        ?.scaleTargetRef;
      const kind = typeof ref?.kind === "string" ? ref.kind : "";
      const name = typeof ref?.name === "string" ? ref.name : "";
      if (present.has(`${kind}/${namespaceOf(o.object)}/${name}`)) return [];
      return [
        {
          index: o.index,
          message: `scaleTargetRef ${kind}/${name} is not among the checked objects`,
          path: ["spec", "scaleTargetRef"],
        },
      ];
    });
  },
};
