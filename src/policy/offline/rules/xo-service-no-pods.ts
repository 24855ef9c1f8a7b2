/** A Service whose selector matches no pod of the checked objects. */
import type { OfflineRule } from "../model.js";
import { mapSelects, namespaceOf, podTemplates, stringMap } from "../selectors.js";

export const rule: OfflineRule = {
  meta: {
    id: "xo-service-no-pods",
    severity: "warning",
    title: "Services select at least one workload",
    why: "A Service whose selector matches no pod has no endpoints: clients get connection errors, usually after a label was renamed on one side only.",
    fix: "Make spec.selector match the pod template labels of the workload it fronts.",
    tags: ["offline-only"],
  },
  check(objects) {
    const pods = podTemplates(objects);
    if (pods.length === 0) return []; // a file of Services alone says nothing about the pods
    return objects.flatMap((o) => {
      if (o.object.kind !== "Service") return [];
      const spec = o.object.spec as { selector?: unknown; type?: unknown } | undefined;
      const selector = stringMap(spec?.selector);
      if (Object.keys(selector).length === 0 || spec?.type === "ExternalName") return [];
      const ns = namespaceOf(o.object);
      if (pods.some((p) => p.namespace === ns && mapSelects(selector, p.labels))) return [];
      const sel = Object.entries(selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(",");
      return [
        {
          index: o.index,
          message: `selector ${sel} matches no pod in the checked files`,
          path: ["spec", "selector"],
        },
      ];
    });
  },
};
