/** Label selectors and pod templates, read tolerantly from untyped manifests. */
import { podSpecsOf } from "../workloads/index.js";
import type { KubeObject, LabelSelectorRequirement } from "../vap/types.js";
import { selectorMatches } from "../vap/selectors.js";
import type { Labels, OfflineObject } from "./model.js";

type Rec = Record<string, unknown>;

function rec(v: unknown): Rec | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined;
}

export function stringMap(v: unknown): Labels {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(rec(v) ?? {})) if (typeof x === "string") out[k] = x;
  return out;
}

export function namespaceOf(o: KubeObject): string {
  return typeof o.metadata?.namespace === "string" ? o.metadata.namespace : "";
}

export function nameOf(o: KubeObject): string {
  return typeof o.metadata?.name === "string" ? o.metadata.name : "";
}

/** A plain map selector (Service): every pair must be present. An empty one selects nothing here. */
export function mapSelects(selector: Labels, labels: Labels): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/**
 * metav1.LabelSelector semantics (the engine's `selectorMatches`), read tolerantly from an untyped
 * manifest; an empty selector selects everything, a missing one nothing.
 */
export function labelSelectorSelects(selector: unknown, labels: Labels): boolean {
  const s = rec(selector);
  if (!s) return false;
  const expressions = Array.isArray(s.matchExpressions) ? s.matchExpressions : [];
  return selectorMatches(
    {
      matchLabels: stringMap(s.matchLabels),
      matchExpressions: expressions.map((e) => {
        const r = rec(e);
        return {
          key: typeof r?.key === "string" ? r.key : "",
          // An unknown operator selects nothing, as in the engine's default branch.
          operator: (typeof r?.operator === "string"
            ? r.operator
            : "") as LabelSelectorRequirement["operator"],
          values: Array.isArray(r?.values) ? r.values.filter((x): x is string => typeof x === "string") : [],
        };
      }),
    },
    labels,
  );
}

export interface PodTemplate {
  readonly owner: OfflineObject;
  readonly namespace: string;
  readonly labels: Labels;
}

/** Pod labels of every pod-bearing object (a Pod's own labels, a workload's template labels). */
export function podTemplates(objects: readonly OfflineObject[]): PodTemplate[] {
  return objects.flatMap((o) =>
    podSpecsOf(o.object).map((p) => ({
      owner: o,
      namespace: namespaceOf(o.object),
      labels: stringMap(p.podMetadata.labels),
    })),
  );
}
