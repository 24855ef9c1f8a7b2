import type { Plan } from "../../plan/types.js";
import type { HelmComponent, InClusterComponent } from "../components.js";
import { renderedNamespaces, guardrailsDir, kustomization } from "../guardrails.js";
import { systemNamespaces } from "../../guardrails/namespaces.js";
import { managedBy, type KubeObject } from "../../guardrails/types.js";
import { dnsLabel } from "../../core/names.js";
import type { RenderOptions } from "../types.js";
import { toYaml } from "../yaml.js";
import { componentsDir } from "../manifests.js";
import { paramsNamespace } from "../../policy/params/params.js";

export const argocdDir = "argocd";
const inCluster = "https://kubernetes.default.svc";
const projects = {
  root: "bespoke-root",
  guardrails: "bespoke-guardrails",
  platform: "bespoke-platform",
} as const;

export function argocdNamespace(plan: Plan): string {
  return dnsLabel(plan.components.find((c) => c.id === "argocd")?.entry.runtime?.namespace ?? "argocd");
}

/** Argo CD takes OCI Helm repositories without the scheme, plus a repository Secret with enableOCI. */
function helmSource(c: InClusterComponent & { kind: "helm" }): { repoURL: string; oci: boolean } {
  return c.repo.startsWith("oci://")
    ? { repoURL: c.repo.slice("oci://".length), oci: true }
    : { repoURL: c.repo, oci: false };
}

/** Sync-wave slots per plan wave: room for 4 `before` and 4 `after` companions around the main chart. */
const waveScale = 10;
const mainOffset = 5;

/**
 * Argo CD sync waves of a component: plan wave w becomes 10·w + 5 for the main chart (or manifests);
 * `before` companions take 10·w + 1…4 and `after` companions 10·w + 6…9, in catalog order. So the
 * charts of one component install one after the other, and everything of plan wave w still comes after
 * all of wave w − 1 and before all of wave w + 1. The AppProjects (-2), the guardrails (-1) and the
 * OCI repository Secrets (no annotation: 0) come before every component.
 */
export function syncWaves(c: InClusterComponent): { main: number; companions: ReadonlyMap<string, number> } {
  const base = c.wave * waveScale;
  const companions = new Map<string, number>();
  if (c.kind === "helm") {
    const before = c.companions.filter((k) => k.order === "before");
    const after = c.companions.filter((k) => k.order === "after");
    if (before.length >= mainOffset || after.length >= waveScale - mainOffset)
      throw new Error(`${c.id}: more companion charts than sync-wave slots (${waveScale - 2})`);
    before.forEach((k, i) => companions.set(k.name, base + mainOffset - before.length + i));
    after.forEach((k, i) => companions.set(k.name, base + mainOffset + 1 + i));
  }
  return { main: base + mainOffset, companions };
}

function syncPolicy(createNamespace: boolean): Record<string, unknown> {
  return {
    automated: { prune: true, selfHeal: true },
    retry: { limit: 5, backoff: { duration: "10s", factor: 2, maxDuration: "5m" } },
    // Server-side apply: large CRDs exceed the client-side last-applied annotation limit.
    syncOptions: ["ServerSideApply=true", ...(createNamespace ? ["CreateNamespace=true"] : [])],
  };
}

function application(
  ns: string,
  name: string,
  wave: number,
  project: string,
  source: Record<string, unknown>,
  destinationNamespace: string,
  createNamespace: boolean,
  annotations: Record<string, string>,
): KubeObject {
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Application",
    metadata: {
      name: dnsLabel(name),
      namespace: ns,
      labels: { ...managedBy },
      annotations: { "argocd.argoproj.io/sync-wave": String(wave), ...annotations },
      // Deleting the Application removes what it installed, so a component left out of the plan goes away.
      finalizers: ["resources-finalizer.argocd.argoproj.io"],
    },
    spec: {
      project,
      source,
      destination: { server: inCluster, namespace: destinationNamespace },
      syncPolicy: syncPolicy(createNamespace),
    },
  };
}

// What charts may create cluster-wide; everything else cluster-scoped is refused by the project.
const platformClusterKinds = [
  ["admissionregistration.k8s.io", "MutatingWebhookConfiguration"],
  ["admissionregistration.k8s.io", "ValidatingWebhookConfiguration"],
  ["admissionregistration.k8s.io", "ValidatingAdmissionPolicy"],
  ["admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"],
  ["apiextensions.k8s.io", "CustomResourceDefinition"],
  ["apiregistration.k8s.io", "APIService"],
  ["gateway.networking.k8s.io", "GatewayClass"],
  ["rbac.authorization.k8s.io", "ClusterRole"],
  ["rbac.authorization.k8s.io", "ClusterRoleBinding"],
  ["scheduling.k8s.io", "PriorityClass"],
  ["storage.k8s.io", "CSIDriver"],
  ["storage.k8s.io", "StorageClass"],
  ["storage.k8s.io", "VolumeSnapshotClass"],
  ["snapshot.storage.k8s.io", "VolumeSnapshotClass"],
] as const;
const guardrailClusterKinds = [
  ["", "Namespace"],
  ["admissionregistration.k8s.io", "ValidatingAdmissionPolicy"],
  ["admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"],
  ["rbac.authorization.k8s.io", "ClusterRole"],
  ["rbac.authorization.k8s.io", "ClusterRoleBinding"],
] as const;

function project(
  ns: string,
  name: string,
  description: string,
  sourceRepos: string[],
  namespaces: string[],
  clusterKinds: readonly (readonly [string, string])[],
): KubeObject {
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "AppProject",
    metadata: {
      name,
      namespace: ns,
      labels: { ...managedBy },
      annotations: { "argocd.argoproj.io/sync-wave": "-2" },
    },
    spec: {
      description,
      sourceRepos: [...new Set(sourceRepos)].sort(),
      destinations: [...new Set(namespaces)].sort().map((n) => ({ server: inCluster, namespace: n })),
      clusterResourceWhitelist: clusterKinds.map(([group, kind]) => ({ group, kind })),
    },
  };
}

/**
 * Argo CD flavour: `argocd/root-app.yaml` is applied once by hand; it syncs `argocd/apps/`, which holds
 * the AppProjects, the guardrails Application (wave -1) and one Application per in-cluster component
 * with the plan's wave.
 */
export function renderArgoCd(
  plan: Plan,
  components: readonly InClusterComponent[],
  options: RenderOptions,
): Map<string, string> {
  const ns = argocdNamespace(plan);
  const files = new Map<string, string>();
  const rendered = new Set(renderedNamespaces(components).map((g) => g.name));
  const apps: string[] = [];

  const guardrailsApp = application(
    ns,
    "bespoke-guardrails",
    -1,
    projects.guardrails,
    { repoURL: options.repoUrl, targetRevision: options.revision, path: guardrailsDir },
    ns,
    false,
    { "bespoke.dev/reason": "namespaces, NetworkPolicies, RBAC and policies every component relies on" },
  );
  files.set(`${argocdDir}/apps/bespoke-guardrails.yaml`, toYaml(guardrailsApp));
  apps.push("bespoke-guardrails.yaml");

  const chartRepos: string[] = [options.repoUrl];
  for (const c of components) {
    const createNamespace = !rendered.has(c.namespace) && !systemNamespaces.has(c.namespace);
    const annotations = { "bespoke.dev/reason": c.planned.reason };
    let source: Record<string, unknown>;
    if (c.kind === "helm") {
      const { repoURL, oci } = helmSource(c);
      chartRepos.push(repoURL);
      source = {
        repoURL,
        chart: c.chart,
        targetRevision: c.version,
        helm: { releaseName: c.name, valuesObject: c.values },
      };
      if (oci) {
        files.set(
          `${argocdDir}/apps/repositories/${c.name}.yaml`,
          toYaml(ociRepositorySecret(ns, c.name, repoURL)),
        );
        apps.push(`repositories/${c.name}.yaml`);
      }
    } else {
      source = {
        repoURL: options.repoUrl,
        targetRevision: options.revision,
        path: `${componentsDir}/${c.id}`,
      };
    }
    const waves = syncWaves(c);
    const put = (name: string, app: KubeObject) => {
      const path = `${argocdDir}/apps/${name}.yaml`;
      if (files.has(path)) throw new Error(`two Applications named ${name}`);
      files.set(path, toYaml(app));
      apps.push(`${name}.yaml`);
    };
    put(
      c.name,
      application(
        ns,
        c.name,
        waves.main,
        projects.platform,
        source,
        c.namespace,
        createNamespace,
        annotations,
      ),
    );
    if (c.kind === "helm") {
      for (const k of c.companions) {
        put(
          k.name,
          application(
            ns,
            k.name,
            waves.companions.get(k.name) ?? waves.main,
            projects.platform,
            companionSource(c, k),
            c.namespace,
            createNamespace,
            { "bespoke.dev/reason": `${k.chart} chart of ${c.id}, installed ${k.order} ${c.chart}` },
          ),
        );
      }
    }
  }

  const componentNamespaces = components.map((c) => c.namespace);
  const projectObjects = [
    project(
      ns,
      projects.root,
      "the app-of-apps: only Applications and AppProjects in the Argo CD namespace",
      [options.repoUrl],
      [ns],
      [],
    ),
    project(
      ns,
      projects.guardrails,
      "guardrails rendered by Bespoke from the platform's Git repository",
      [options.repoUrl],
      [...rendered, paramsNamespace],
      guardrailClusterKinds,
    ),
    project(
      ns,
      projects.platform,
      "platform components: pinned charts into their own namespaces",
      chartRepos,
      componentNamespaces,
      platformClusterKinds,
    ),
  ];
  files.set(`${argocdDir}/apps/projects.yaml`, projectObjects.map(toYaml).join("---\n"));
  apps.push("projects.yaml");
  files.set(`${argocdDir}/apps/kustomization.yaml`, kustomization(apps.sort()));

  const root = application(
    ns,
    "bespoke-root",
    -3,
    projects.root,
    { repoURL: options.repoUrl, targetRevision: options.revision, path: `${argocdDir}/apps` },
    ns,
    false,
    { "bespoke.dev/reason": "app-of-apps: syncs every other Application of the platform" },
  );
  // The root Application lives in the default project: its own project is created by the sync it runs.
  files.set(
    `${argocdDir}/root-app.yaml`,
    toYaml({ ...root, spec: { ...(root["spec"] as object), project: "default" } }),
  );
  return files;
}

function companionSource(c: HelmComponent, k: HelmComponent["companions"][number]): Record<string, unknown> {
  return {
    repoURL: helmSource(c).repoURL,
    chart: k.chart,
    targetRevision: k.version,
    helm: { releaseName: k.name, ...(Object.keys(k.values).length ? { valuesObject: k.values } : {}) },
  };
}

function ociRepositorySecret(ns: string, name: string, url: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: {
      name: dnsLabel(`repo-${name}`),
      namespace: ns,
      labels: { ...managedBy, "argocd.argoproj.io/secret-type": "repository" },
    },
    type: "Opaque",
    // Public OCI registry: no credentials, only where the chart lives.
    stringData: { enableOCI: "true", name: dnsLabel(`repo-${name}`), type: "helm", url },
  };
}
