import type { PlannedComponent } from "../plan/types.js";
import type { Plan } from "../plan/types.js";
import type { Runtime } from "../catalog/schema.js";
import { dnsLabel } from "../core/names.js";
import { rendererDefaults } from "./values.js";
import { deepMerge, findLatestTags } from "./merge.js";

interface Base {
  readonly id: string;
  /** Kubernetes name for the component's objects (Application, HelmRelease…). */
  readonly name: string;
  readonly namespace: string;
  readonly wave: number;
  readonly dependsOn: readonly string[];
  readonly runtime: Runtime;
  readonly planned: PlannedComponent;
}
/**
 * A further chart of a Helm component (Istio's base/cni/ztunnel, rook-ceph-cluster…): same repository
 * and namespace, installed before or after the main chart.
 */
export interface Companion {
  /** Kubernetes name of its Application / HelmRelease and its Helm release name. */
  readonly name: string;
  readonly chart: string;
  readonly version: string;
  readonly order: "before" | "after";
  readonly values: Record<string, unknown>;
}
export interface HelmComponent extends Base {
  readonly kind: "helm";
  readonly repo: string;
  readonly chart: string;
  readonly version: string;
  readonly values: Record<string, unknown>;
  /** In install order: every `before` companion (catalog order), then every `after` one. */
  readonly companions: readonly Companion[];
}

/** `rook-ceph` + `rook-ceph-cluster` → `rook-ceph-cluster`; `istio-ambient` + `base` → `istio-ambient-base`. */
export function companionName(component: string, chart: string): string {
  return dnsLabel(chart.startsWith(`${component}-`) ? chart : `${component}-${chart}`);
}
export interface ManifestComponent extends Base {
  readonly kind: "manifests";
  readonly source: string;
  readonly version: string;
}
/** A component GitOps installs into the cluster (helm chart or release manifests). */
export type InClusterComponent = HelmComponent | ManifestComponent;

/** The plan's in-cluster components in install order, with their values merged and checked. */
export function inClusterComponents(plan: Plan): InClusterComponent[] {
  const ids = new Set(
    plan.components
      .filter(
        (c) => c.entry.install && (c.entry.install.kind === "helm" || c.entry.install.kind === "manifests"),
      )
      .map((c) => c.id),
  );
  const out: InClusterComponent[] = [];
  for (const c of plan.components) {
    const install = c.entry.install;
    const runtime = c.entry.runtime;
    if (!install || !runtime || !ids.has(c.id)) continue;
    const base = {
      id: c.id,
      name: dnsLabel(c.id),
      namespace: dnsLabel(runtime.namespace),
      wave: c.wave,
      // Only dependencies GitOps installs can be waited for; host software is there before GitOps runs.
      dependsOn: c.dependsOn.filter((d) => ids.has(d)),
      runtime,
      planned: c,
    };
    if (install.kind === "helm") {
      const values = deepMerge(rendererDefaults(c.id, plan), runtime.values);
      const latest = findLatestTags(values);
      // The catalog is ours: an unpinned image there is a bug in Bespoke, not bad user input.
      if (latest.length)
        throw new Error(`catalog values of ${c.id} use unpinned image tags at ${latest.join(", ")}`);
      const companions = ["before", "after"].flatMap((order) =>
        install.companions
          .filter((k) => k.order === order)
          .map((k): Companion => {
            const tags = findLatestTags(k.values);
            if (tags.length)
              throw new Error(
                `catalog values of ${c.id}/${k.chart} use unpinned image tags at ${tags.join(", ")}`,
              );
            return {
              name: companionName(base.name, k.chart),
              chart: k.chart,
              version: k.version,
              order: k.order,
              values: k.values,
            };
          }),
      );
      out.push({
        ...base,
        kind: "helm",
        repo: install.repo,
        chart: install.chart,
        version: install.version,
        values,
        companions,
      });
    } else if (install.kind === "manifests") {
      out.push({ ...base, kind: "manifests", source: install.source, version: install.version });
    }
  }
  return out;
}
