import type { Plan } from "../../plan/types.js";
import type { HelmComponent, InClusterComponent } from "../components.js";
import { guardrailsDir, kustomization } from "../guardrails.js";
import { componentsDir } from "../manifests.js";
import { managedBy, type KubeObject } from "../../guardrails/types.js";
import { dnsLabel } from "../../core/names.js";
import { toYaml, toYamlDocs } from "../yaml.js";

export const fluxDir = "flux";

export function fluxNamespace(plan: Plan): string {
  return dnsLabel(plan.components.find((c) => c.id === "flux")?.entry.runtime?.namespace ?? "flux-system");
}

const gitSource = { kind: "GitRepository", name: "flux-system" };
const guardrailsName = "bespoke-guardrails";

function meta(ns: string, name: string, annotations?: Record<string, string>): KubeObject["metadata"] {
  return {
    name: dnsLabel(name),
    namespace: ns,
    labels: { ...managedBy },
    ...(annotations ? { annotations } : {}),
  };
}

function fluxKustomization(
  ns: string,
  name: string,
  path: string,
  dependsOn: readonly string[],
  reason: string,
  wave: number,
): KubeObject {
  return {
    apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    kind: "Kustomization",
    metadata: meta(ns, name, { "bespoke.dev/reason": reason, "bespoke.dev/wave": String(wave) }),
    spec: {
      interval: "10m",
      retryInterval: "1m",
      timeout: "10m",
      path: `./${path}`,
      prune: true,
      // Wait for everything to be ready, so what depends on this starts only after it works.
      wait: true,
      sourceRef: gitSource,
      ...(dependsOn.length ? { dependsOn: dependsOn.map((d) => ({ name: dnsLabel(d) })) } : {}),
    },
  };
}

/** One chart of a Helm component: the main chart or a companion. */
interface Release {
  readonly name: string;
  readonly chart: string;
  readonly version: string;
  readonly values: Record<string, unknown>;
  readonly reason: string;
  /** The HelmRelease (same namespace) that must be ready first. */
  readonly after?: string;
}

/** A HelmRepository is shared by the component's charts; an OCIRepository points at one chart. */
function chartSource(ns: string, c: HelmComponent, r: Release): KubeObject {
  const sourceName = `bespoke-${r.name}`;
  return c.repo.startsWith("oci://")
    ? {
        apiVersion: "source.toolkit.fluxcd.io/v1",
        kind: "OCIRepository",
        metadata: meta(ns, sourceName),
        spec: {
          interval: "1h",
          url: `${c.repo.replace(/\/+$/, "")}/${r.chart}`,
          ref: { tag: r.version },
          layerSelector: {
            mediaType: "application/vnd.cncf.helm.chart.content.v1.tar+gzip",
            operation: "copy",
          },
        },
      }
    : {
        apiVersion: "source.toolkit.fluxcd.io/v1",
        kind: "HelmRepository",
        metadata: meta(ns, sourceName),
        spec: { interval: "1h", url: c.repo },
      };
}

function helmRelease(ns: string, c: HelmComponent, r: Release): KubeObject {
  const oci = c.repo.startsWith("oci://");
  // OCI: the release's own OCIRepository; https: the main chart's HelmRepository, shared.
  const sourceName = dnsLabel(`bespoke-${oci ? r.name : c.name}`);
  return {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: meta(ns, r.name, { "bespoke.dev/reason": r.reason }),
    spec: {
      interval: "30m",
      releaseName: r.name,
      targetNamespace: c.namespace,
      storageNamespace: c.namespace,
      ...(r.after ? { dependsOn: [{ name: dnsLabel(r.after) }] } : {}),
      ...(oci
        ? { chartRef: { kind: "OCIRepository", name: sourceName } }
        : {
            chart: {
              spec: {
                chart: r.chart,
                version: r.version,
                sourceRef: { kind: "HelmRepository", name: sourceName },
              },
            },
          }),
      install: { crds: "CreateReplace", remediation: { retries: 3 } },
      upgrade: { crds: "CreateReplace", remediation: { retries: 3 } },
      values: r.values,
    },
  };
}

/**
 * The component's charts in install order — `before` companions, the main chart, `after` companions —
 * each HelmRelease depending on the one before it, the same order as the Argo CD sync waves.
 */
export function releasesOf(c: HelmComponent): Release[] {
  const main: Release = {
    name: c.name,
    chart: c.chart,
    version: c.version,
    values: c.values,
    reason: c.planned.reason,
  };
  const ordered = [
    ...c.companions
      .filter((k) => k.order === "before")
      .map((k) => ({ ...k, reason: `${k.chart} chart of ${c.id}, installed before ${c.chart}` })),
    main,
    ...c.companions
      .filter((k) => k.order === "after")
      .map((k) => ({ ...k, reason: `${k.chart} chart of ${c.id}, installed after ${c.chart}` })),
  ];
  return ordered.map((r, i) => {
    const prev = ordered[i - 1];
    const release = { name: r.name, chart: r.chart, version: r.version, values: r.values, reason: r.reason };
    return prev ? { ...release, after: prev.name } : release;
  });
}

/**
 * Flux flavour: `flux/` is added to the flux-system Kustomization once; it holds one Flux
 * Kustomization per component whose dependsOn mirrors the plan (the same order as Argo CD's waves),
 * each building `flux/components/<id>` with the chart's source and HelmRelease.
 */
export function renderFlux(plan: Plan, components: readonly InClusterComponent[]): Map<string, string> {
  const ns = fluxNamespace(plan);
  const files = new Map<string, string>();
  const resources: string[] = [];
  files.set(
    `${fluxDir}/platform/${guardrailsName}.yaml`,
    toYaml(
      fluxKustomization(
        ns,
        guardrailsName,
        guardrailsDir,
        [],
        "namespaces, NetworkPolicies, RBAC and policies every component relies on",
        -1,
      ),
    ),
  );
  resources.push(`platform/${guardrailsName}.yaml`);
  for (const c of components) {
    const name = `bespoke-${c.name}`;
    const deps = [guardrailsName, ...c.dependsOn.map((d) => `bespoke-${dnsLabel(d)}`)];
    let path: string;
    if (c.kind === "helm") {
      path = `${fluxDir}/components/${c.id}`;
      const releases = releasesOf(c);
      const oci = c.repo.startsWith("oci://");
      const mainRelease = releases.find((r) => r.name === c.name);
      if (!mainRelease) throw new Error(`${c.id}: main release missing`);
      files.set(`${path}/source.yaml`, toYaml(chartSource(ns, c, mainRelease)));
      files.set(`${path}/helmrelease.yaml`, toYaml(helmRelease(ns, c, mainRelease)));
      const parts = ["helmrelease.yaml", "source.yaml"];
      for (const r of releases) {
        if (r === mainRelease) continue;
        // One file per companion: its HelmRelease (and, for OCI, its own OCIRepository).
        const file = `companion-${r.name}.yaml`;
        files.set(
          `${path}/${file}`,
          toYamlDocs([...(oci ? [chartSource(ns, c, r)] : []), helmRelease(ns, c, r)]),
        );
        parts.push(file);
      }
      files.set(`${path}/kustomization.yaml`, kustomization(parts.sort()));
    } else {
      path = `${componentsDir}/${c.id}`;
    }
    files.set(
      `${fluxDir}/platform/${name}.yaml`,
      toYamlDocs([fluxKustomization(ns, name, path, deps, c.planned.reason, c.wave)]),
    );
    resources.push(`platform/${name}.yaml`);
  }
  files.set(`${fluxDir}/kustomization.yaml`, kustomization(resources.sort()));
  return files;
}
