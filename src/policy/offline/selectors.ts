/** Label selectors and pod templates, read tolerantly from untyped manifests. */
import { podSpecsOf } from "../workloads/index.js";
import type { KubeObject } from "../vap/types.js";
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

/** metav1.LabelSelector semantics; an empty selector selects everything. */
export function labelSelectorSelects(selector: unknown, labels: Labels): boolean {
  const s = rec(selector);
  if (!s) return false;
  for (const [k, v] of Object.entries(stringMap(s.matchLabels))) if (labels[k] !== v) return false;
  for (const e of Array.isArray(s.matchExpressions) ? s.matchExpressions : []) {
    const r = rec(e);
    const key = typeof r?.key === "string" ? r.key : "";
    const values = Array.isArray(r?.values) ? r.values.filter((x): x is string => typeof x === "string") : [];
    const has = Object.hasOwn(labels, key);
    const val = labels[key];
    switch (r?.operator) {
      case "In":
        if (!has || val === undefined || !values.includes(val)) return false;
        break;
      case "NotIn":
        if (has && val !== undefined && values.includes(val)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
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
