/**
 * Everything `bespoke render` emits for SUP, MBU and ENT is accepted by a real kube-apiserver.
 *
 * One control plane for the file, with the corpus CRDs (Argo CD, Flux, cert-manager, Cluster API and
 * its vSphere/OpenStack providers, Gateway API, Velero, prometheus-operator, external-secrets, Tekton)
 * installed once. Per render, in sequence: every rendered Namespace is applied for real (server-side
 * apply with one field manager, so the next render's apply replaces the previous labels), then every
 * other object is created with server-side dry-run — built-in kinds against the apiserver's own
 * validation and admission, CRD-typed objects against the upstream OpenAPI schemas and CEL rules.
 * Any rejection is a renderer bug.
 *
 * Rendered namespaces are fixed names shared by the renders; a namespace left over from an earlier
 * case cannot hide a missing one, because every namespaced object's namespace is checked (without
 * the server) to be rendered by the same tree or to be one every cluster has.
 */
import type { KubernetesObject } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { startControlPlane, type ControlPlane } from "./harness.js";
import { docsOf, renderProfile, type Doc } from "../unit/render-support.js";
import { defaultCatalog } from "../../src/catalog/default.js";
import { renderFromTextOrThrow } from "../../src/render/from-text.js";
import { platformTemplate } from "../../src/spec/template.js";

/**
 * Documents that are not Kubernetes API objects: files read by a program, never sent to an apiserver.
 * test/unit/render-node-files.test.ts checks their apiVersion, kind and required fields instead.
 */
const notApiObjects: Readonly<Record<string, string>> = {
  "kubeadm.k8s.io/v1beta4 ClusterConfiguration": "kubeadm reads it on the first control-plane node",
  "kubeadm.k8s.io/v1beta4 InitConfiguration": "kubeadm reads it on the first control-plane node",
  "audit.k8s.io/v1 Policy": "a file on control-plane nodes: kube-apiserver --audit-policy-file",
  "apiserver.config.k8s.io/v1 EncryptionConfiguration":
    "a file on control-plane nodes: kube-apiserver --encryption-provider-config",
  "apiserver.config.k8s.io/v1 AuthenticationConfiguration":
    "a file on control-plane nodes: kube-apiserver --authentication-config",
  "kustomize.config.k8s.io/v1beta1 Kustomization":
    "input of kustomize build (plain resource lists, checked below), not an object in the cluster",
};

/**
 * Kinds the renderer can emit whose CRDs are not in the shared corpus, so the apiserver cannot check
 * them: the render emits them for `provider: metal3` only (the Metal3 case below pins that).
 */
const noCrdInCorpus: Readonly<Record<string, string>> = {
  "infrastructure.cluster.x-k8s.io/v1beta1 Metal3Cluster": "Metal3 (CAPM3) CRDs are not in the corpus",
  "infrastructure.cluster.x-k8s.io/v1beta1 Metal3MachineTemplate":
    "Metal3 (CAPM3) CRDs are not in the corpus",
};

/** Namespaces every cluster has; objects may live there without the render creating them. */
const clusterNamespaces = new Set(["default", "kube-system", "kube-public", "kube-node-lease"]);

const kindOf = (d: Doc) => `${d.obj.apiVersion ?? "?"} ${d.obj.kind ?? "?"}`;
const idOf = (d: Doc) =>
  `${d.path}: ${kindOf(d)} ${(d.obj.metadata?.["namespace"] as string | undefined) ?? "-"}/${String(d.obj.metadata?.["name"])}`;

/**
 * `kubectl create --dry-run=server --validate=strict`: unlike the API's default (`Warn`, which drops an
 * unknown or duplicate field with a warning), a misspelt field in a rendered object is a rejection.
 */
async function strictDryRunCreate(
  obj: KubernetesObject,
): Promise<{ allowed: true } | { allowed: false; code: number; message: string }> {
  const q = new URLSearchParams({ dryRun: "All", fieldValidation: "Strict", fieldManager: "bespoke" });
  const r = await cp.raw.request("POST", `${await cp.raw.pathOf(obj, false)}?${q}`, obj);
  if (r.status >= 200 && r.status < 300) return { allowed: true };
  const body = (typeof r.body === "object" && r.body !== null ? r.body : {}) as { message?: string };
  return { allowed: false, code: r.status, message: body.message ?? JSON.stringify(r.body) };
}

let cp: ControlPlane;
let crds: string[];
beforeAll(async () => {
  cp = await startControlPlane();
  crds = await cp.installCorpusCrds();
});
afterAll(async () => {
  await cp?.stop();
});

const cases: readonly {
  profile: "SUP" | "MBU" | "ENT";
  gitops: "argocd" | "flux";
  provider?: "openstack" | "metal3";
}[] = [
  { profile: "SUP", gitops: "argocd" },
  { profile: "MBU", gitops: "argocd" },
  { profile: "ENT", gitops: "argocd" },
  { profile: "SUP", gitops: "flux" },
  { profile: "MBU", gitops: "flux" },
  { profile: "ENT", gitops: "flux" },
  // The profiles default to vSphere; the other Cluster API providers.
  { profile: "MBU", gitops: "argocd", provider: "openstack" },
  { profile: "MBU", gitops: "argocd", provider: "metal3" },
];

function render(c: (typeof cases)[number]) {
  if (!c.provider) return renderProfile(c.profile, c.gitops);
  const text = platformTemplate(c.profile, { gitops: c.gitops, provider: c.provider });
  return renderFromTextOrThrow(text, "platform.yaml", defaultCatalog()).tree;
}

const totals = { dryRun: 0, accepted: 0, rejected: 0, excluded: 0 };

describe("the rendered tree is accepted by a real apiserver (server-side dry-run)", () => {
  for (const c of cases) {
    const { profile, gitops } = c;
    const label = `${profile} ${gitops}${c.provider ? ` ${c.provider}` : ""}`;
    it(label, async () => {
      expect(crds.length).toBeGreaterThanOrEqual(43);
      const tree = render(c);
      const docs = docsOf(tree);

      // Kustomizations only list resources: the documents on disk are exactly what is applied.
      for (const [path, text] of tree) {
        if (!path.endsWith("kustomization.yaml")) continue;
        expect(Object.keys(parse(text) as object).sort(), path).toEqual(["apiVersion", "kind", "resources"]);
      }

      const excluded = docs.filter((d) => kindOf(d) in notApiObjects || kindOf(d) in noCrdInCorpus);
      const namespaces = docs.filter((d) => d.obj.apiVersion === "v1" && d.obj.kind === "Namespace");
      const objects = docs.filter((d) => !excluded.includes(d) && !namespaces.includes(d));
      expect(namespaces.length).toBeGreaterThan(5);
      expect(objects.length).toBeGreaterThan(20);
      // The node files are there (and only they are excluded): kubeadm or Cluster API, audit, encryption.
      expect(excluded.map(kindOf)).toContain("audit.k8s.io/v1 Policy");
      expect(excluded.map(kindOf)).toContain("apiserver.config.k8s.io/v1 EncryptionConfiguration");
      // Only Metal3 renders kinds without a CRD in the corpus; everything else is checked by the server.
      expect(new Set(excluded.filter((d) => kindOf(d) in noCrdInCorpus).map(kindOf))).toEqual(
        new Set(c.provider === "metal3" ? Object.keys(noCrdInCorpus) : []),
      );

      const rendered = new Set(namespaces.map((n) => String(n.obj.metadata?.["name"])));
      for (const d of objects) {
        const ns = d.obj.metadata?.["namespace"] as string | undefined;
        if (ns !== undefined) expect(rendered.has(ns) || clusterNamespaces.has(ns), idOf(d)).toBe(true);
      }

      for (const n of namespaces) await cp.apply(n.obj as KubernetesObject);
      for (const n of namespaces) {
        const live = await cp.read(n.obj as KubernetesObject);
        expect(live?.metadata?.labels, idOf(n)).toMatchObject(
          (n.obj.metadata?.["labels"] ?? {}) as Record<string, string>,
        );
      }

      const rejections: string[] = [];
      let accepted = 0;
      for (const d of objects) {
        try {
          const v = await strictDryRunCreate(d.obj as KubernetesObject);
          if (v.allowed) accepted++;
          else rejections.push(`${idOf(d)}: HTTP ${v.code}: ${v.message}`);
        } catch (err) {
          // Not served (no CRD), namespaced without a namespace, …: the renderer's fault too.
          rejections.push(`${idOf(d)}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      totals.dryRun += objects.length;
      totals.accepted += accepted;
      totals.rejected += rejections.length;
      totals.excluded += excluded.length;
      const kinds = new Set(objects.map(kindOf));
      process.stdout.write(
        `[render dry-run] ${label}: ${namespaces.length} namespaces applied, ${objects.length} objects ` +
          `dry-run (${kinds.size} kinds), ${accepted} accepted, ${rejections.length} rejected, ` +
          `${excluded.length} excluded (node files, kustomizations, kinds without a corpus CRD)\n`,
      );
      expect(rejections).toEqual([]);
      expect(accepted).toBe(objects.length);
      // The flavour's own CRD-typed objects really went through their schemas.
      const expected =
        gitops === "argocd"
          ? ["argoproj.io/v1alpha1 Application", "argoproj.io/v1alpha1 AppProject"]
          : [
              "helm.toolkit.fluxcd.io/v2 HelmRelease",
              "source.toolkit.fluxcd.io/v1 HelmRepository",
              "kustomize.toolkit.fluxcd.io/v1 Kustomization",
            ];
      for (const k of [
        ...expected,
        "networking.k8s.io/v1 NetworkPolicy",
        "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy",
        "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBinding",
        "rbac.authorization.k8s.io/v1 ClusterRole",
        "v1 ResourceQuota",
        "v1 LimitRange",
      ])
        expect(kinds, k).toContain(k);
      if (profile !== "SUP")
        expect(kinds).toContain("controlplane.cluster.x-k8s.io/v1beta2 KubeadmControlPlane");
    });
  }

  it("rejects what the schemas forbid (the dry-run is not a rubber stamp)", async () => {
    const docs = docsOf(renderProfile("ENT", "argocd"));
    const app = docs.find((d) => d.obj.kind === "Application" && d.path.startsWith("argocd/apps/"));
    const np = docs.find((d) => d.obj.kind === "NetworkPolicy");
    const kcp = docs.find((d) => d.obj.kind === "KubeadmControlPlane");
    expect(app && np && kcp).toBeTruthy();
    const broken = [
      { ...app?.obj, spec: { ...(app?.obj["spec"] as object), project: undefined } },
      { ...np?.obj, spec: { ...(np?.obj["spec"] as object), policyTypes: ["Sideways"] } },
      { ...kcp?.obj, spec: { ...(kcp?.obj["spec"] as object), replicas: "three" } },
      // Unknown fields: dropped with a warning by default, rejected under Strict.
      { ...np?.obj, spec: { ...(np?.obj["spec"] as object), podSelecter: {} } },
      { ...app?.obj, spec: { ...(app?.obj["spec"] as object), destinaton: {} } },
    ];
    for (const b of broken) {
      const v = await strictDryRunCreate(JSON.parse(JSON.stringify(b)) as KubernetesObject);
      expect(v.allowed, JSON.stringify(b).slice(0, 120)).toBe(false);
    }
    // …and the same objects unbroken are accepted.
    for (const d of [app, np, kcp])
      expect((await strictDryRunCreate(d?.obj as KubernetesObject)).allowed).toBe(true);
  });

  it("totals", () => {
    process.stdout.write(
      `[render dry-run] total: ${totals.dryRun} objects dry-run, ${totals.accepted} accepted, ` +
        `${totals.rejected} rejected, ${totals.excluded} excluded\n`,
    );
    expect(totals.dryRun).toBeGreaterThan(0);
    expect(totals.rejected).toBe(0);
  });
});
