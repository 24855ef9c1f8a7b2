import type { Plan } from "../plan/types.js";
import { inClusterComponents } from "./components.js";
import { renderGuardrails } from "./guardrails.js";
import { renderManifestComponents } from "./manifests.js";
import { renderArgoCd } from "./gitops/argocd.js";
import { renderFlux } from "./gitops/flux.js";
import { controlPlaneFiles, controlPlaneFilesDir } from "./bootstrap/control-plane.js";
import { kubeadmConfig } from "./bootstrap/kubeadm.js";
import { clusterApiObjects } from "./bootstrap/capi.js";
import { renderReadme } from "./readme.js";
import { kustomization } from "./guardrails.js";
import { toYamlDocs } from "./yaml.js";
import { policyGuardrails } from "./policies.js";
import type { RenderOptions, RenderedTree } from "./types.js";

/**
 * Pure: plan → every file of the GitOps repository (path → text), sorted by path. The same plan and
 * options always give the same bytes; the writer in ./write/ is the only part that touches disk.
 */
export function renderPlan(plan: Plan, options: RenderOptions): RenderedTree {
  const components = inClusterComponents(plan);
  const files = new Map<string, string>();
  const add = (m: ReadonlyMap<string, string>) => {
    for (const [k, v] of m) {
      if (files.has(k)) throw new Error(`two renderers produced ${k}`);
      files.set(k, v);
    }
  };
  add(renderGuardrails(plan, components, options.extraGuardrails ?? policyGuardrails()));
  add(renderManifestComponents(components));
  add(options.gitops === "argocd" ? renderArgoCd(plan, components, options) : renderFlux(plan, components));
  for (const [p, text] of controlPlaneFiles(plan)) files.set(`${controlPlaneFilesDir}/${p}`, text);
  const bootstrap = plan.components.some((c) => c.id === "cluster-api") ? "cluster-api" : "kubeadm";
  if (bootstrap === "kubeadm") {
    files.set("bootstrap/kubeadm/kubeadm-config.yaml", toYamlDocs(kubeadmConfig(plan)));
  } else {
    const parts = clusterApiObjects(plan);
    for (const part of parts) files.set(`bootstrap/cluster-api/${part.file}`, toYamlDocs(part.objects));
    files.set("bootstrap/cluster-api/kustomization.yaml", kustomization(parts.map((p) => p.file).sort()));
  }
  files.set("README.md", renderReadme(plan, components, options, bootstrap));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
