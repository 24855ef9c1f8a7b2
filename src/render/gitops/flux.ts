import type { Plan } from "../../plan/types.js";
import type { InClusterComponent } from "../components.js";
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

function helmObjects(ns: string, c: InClusterComponent & { kind: "helm" }): KubeObject[] {
  const sourceName = `bespoke-${c.name}`;
  const oci = c.repo.startsWith("oci://");
  const source: KubeObject = oci
    ? {
        apiVersion: "source.toolkit.fluxcd.io/v1",
        kind: "OCIRepository",
        metadata: meta(ns, sourceName),
        spec: {
          interval: "1h",
          url: `${c.repo.replace(/\/+$/, "")}/${c.chart}`,
          ref: { tag: c.version },
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
  const release: KubeObject = {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: meta(ns, c.name, { "bespoke.dev/reason": c.planned.reason }),
    spec: {
      interval: "30m",
      releaseName: c.name,
      targetNamespace: c.namespace,
      storageNamespace: c.namespace,
      ...(oci
        ? { chartRef: { kind: "OCIRepository", name: dnsLabel(sourceName) } }
        : {
            chart: {
              spec: {
                chart: c.chart,
                version: c.version,
                sourceRef: { kind: "HelmRepository", name: dnsLabel(sourceName) },
              },
            },
          }),
      install: { crds: "CreateReplace", remediation: { retries: 3 } },
      upgrade: { crds: "CreateReplace", remediation: { retries: 3 } },
      values: c.values,
    },
  };
  return [source, release];
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
      const [source, release] = helmObjects(ns, c);
      files.set(`${path}/source.yaml`, toYaml(source));
      files.set(`${path}/helmrelease.yaml`, toYaml(release));
      files.set(`${path}/kustomization.yaml`, kustomization(["helmrelease.yaml", "source.yaml"]));
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
