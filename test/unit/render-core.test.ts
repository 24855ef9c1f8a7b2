import { describe, expect, it } from "vitest";
import { docsOf, renderProfile } from "./render-support.js";
import { defaultCatalog } from "../../src/catalog/default.js";
import { planFromTextOrThrow } from "../../src/plan/from-file.js";
import { platformTemplate } from "../../src/spec/template.js";
import { isDnsLabel } from "../../src/core/names.js";

describe("render: ENT with Argo CD (the issue's done-when)", () => {
  const tree = renderProfile("ENT");
  const docs = docsOf(tree);
  const apps = docs.filter((d) => d.obj.kind === "Application");

  it("has at least 15 Applications, each with a sync wave, pinned charts", () => {
    expect(apps.length).toBeGreaterThanOrEqual(15);
    for (const a of apps) {
      const ann = (a.obj.metadata?.["annotations"] ?? {}) as Record<string, string>;
      expect(ann["argocd.argoproj.io/sync-wave"], a.path).toMatch(/^-?\d+$/);
      const source = (a.obj["spec"] as { source: { chart?: string; targetRevision: string } }).source;
      if (source.chart) expect(source.targetRevision, a.path).toMatch(/^v?\d+\.\d+\.\d+/);
    }
  });

  it("follows the plan's waves: a component's wave is after its dependencies'", () => {
    const wave = new Map(
      apps.map((a) => [
        a.obj.metadata?.["name"] as string,
        Number((a.obj.metadata?.["annotations"] as Record<string, string>)["argocd.argoproj.io/sync-wave"]),
      ]),
    );
    expect(wave.get("bespoke-guardrails")).toBe(-1);
    // Plan wave 0 → sync wave 5 (10 × wave + 5, companions around it).
    expect(wave.get("cilium")).toBe(5);
    expect(wave.get("argocd")).toBeGreaterThan(wave.get("cilium") ?? 99);
  });

  it("installs companion charts around their main chart, inside the component's plan wave", () => {
    const byName = new Map(apps.map((a) => [a.obj.metadata?.["name"] as string, a.obj]));
    const waveOf = (name: string) => {
      const app = byName.get(name);
      expect(app, name).toBeDefined();
      return Number(
        (app?.metadata?.["annotations"] as Record<string, string>)["argocd.argoproj.io/sync-wave"],
      );
    };
    const sourceOf = (name: string) =>
      (byName.get(name)?.["spec"] as { source: { chart: string; targetRevision: string; repoURL: string } })
        .source;
    const destOf = (name: string) =>
      byName.get(name)?.["spec"] as { destination: { namespace: string }; project: string };
    // Istio ambient: base, then cni, then istiod, then ztunnel, all in istio-system.
    const istio = ["istio-ambient-base", "istio-ambient-cni", "istio-ambient", "istio-ambient-ztunnel"];
    const istioWaves = istio.map(waveOf);
    expect(istioWaves).toEqual([...istioWaves].sort((a, b) => a - b));
    expect(new Set(istioWaves).size).toBe(4);
    expect(istio.map((n) => sourceOf(n).chart)).toEqual(["base", "cni", "istiod", "ztunnel"]);
    for (const n of istio) {
      expect(destOf(n).destination.namespace, n).toBe("istio-system");
      expect(destOf(n).project, n).toBe(destOf("istio-ambient").project);
      expect(sourceOf(n).repoURL, n).toBe(sourceOf("istio-ambient").repoURL);
      expect(sourceOf(n).targetRevision, n).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(JSON.stringify(byName.get("istio-ambient-cni")?.["spec"])).toContain('"profile":"ambient"');
    expect(waveOf("rook-ceph-cluster")).toBeGreaterThan(waveOf("rook-ceph"));
    expect(waveOf("opensearch-dashboards")).toBeGreaterThan(waveOf("opensearch"));
    // The plan's order between components still holds: every Application of istio-ambient (plan wave 1)
    // comes after every Application of a plan-wave-0 component (companions included) and before wave 2.
    const wave0 = ["cilium", "rook-ceph", "rook-ceph-cluster", "opensearch-dashboards"].map(waveOf);
    expect(Math.min(...istioWaves)).toBeGreaterThan(Math.max(...wave0));
    const { plan } = planFromTextOrThrow(
      platformTemplate("ENT", { gitops: "argocd" }),
      "platform.yaml",
      defaultCatalog(),
    );
    const companionOf: Record<string, string> = {
      "istio-ambient-base": "istio-ambient",
      "istio-ambient-cni": "istio-ambient",
      "istio-ambient-ztunnel": "istio-ambient",
      "rook-ceph-cluster": "rook-ceph",
      "opensearch-dashboards": "opensearch",
    };
    const planWave = (id: string) => {
      const c = plan.components.find((p) => p.id === id);
      expect(c, id).toBeDefined();
      return c?.wave ?? -1;
    };
    expect(planWave("istio-ambient")).toBe(1);
    expect(planWave("rook-ceph")).toBe(0);
    let checked = 0;
    for (const a of apps) {
      const name = a.obj.metadata?.["name"] as string;
      const id = companionOf[name] ?? name;
      if (!plan.components.some((c) => c.id === id)) continue;
      expect(Math.floor(waveOf(name) / 10), name).toBe(planWave(id));
      checked++;
    }
    // Every Application except the root app-of-apps and the guardrails belongs to a planned component.
    expect(checked).toBe(apps.length - 2);
  });

  it("contains no retired component and no PodSecurityPolicy or ingress-nginx", () => {
    const all = [...tree.values()].join("\n");
    expect(all).not.toMatch(/kind: PodSecurityPolicy/);
    expect(all).not.toMatch(/ingress-nginx/);
    expect([...tree.keys()].some((p) => p.includes("promtail") || p.includes("podsecuritypolicy"))).toBe(
      false,
    );
  });

  it("labels every rendered Namespace with PSA enforce/audit/warn and a reason when relaxed", () => {
    // The policy export's own bespoke-system namespace is checked by its tests; ours are these.
    const nss = docs.filter((d) => d.obj.kind === "Namespace" && d.path.startsWith("guardrails/namespaces/"));
    expect(nss.length).toBeGreaterThan(10);
    for (const n of nss) {
      const labels = n.obj.metadata?.["labels"] as Record<string, string>;
      expect(labels["pod-security.kubernetes.io/enforce"]).toMatch(/^(restricted|baseline|privileged)$/);
      expect(labels["pod-security.kubernetes.io/warn"]).toBe("restricted");
      expect(labels["pod-security.kubernetes.io/enforce-version"]).toMatch(/^v1\.\d+$/);
      if (labels["pod-security.kubernetes.io/enforce"] !== "restricted") {
        expect(
          (n.obj.metadata?.["annotations"] as Record<string, string>)["bespoke.dev/pod-security-reason"],
        ).toBeTruthy();
      }
    }
    expect(nss.map((n) => n.obj.metadata?.["name"])).not.toContain("kube-system");
  });

  it("gives every rendered component namespace a default-deny NetworkPolicy", () => {
    const nss = docs
      .filter((d) => d.obj.kind === "Namespace" && d.path.startsWith("guardrails/namespaces/"))
      .map((d) => d.obj.metadata?.["name"]);
    const denies = new Set(
      docs
        .filter((d) => d.obj.kind === "NetworkPolicy" && d.obj.metadata?.["name"] === "default-deny")
        .map((d) => d.obj.metadata?.["namespace"]),
    );
    for (const ns of nss) expect(denies.has(ns), String(ns)).toBe(true);
  });

  it("renders a Cluster API bootstrap (v1beta2 core objects) with autoscaler bounds and the apiserver files", () => {
    const kinds = docs
      .filter((d) => d.path.startsWith("bootstrap/cluster-api/"))
      .map((d) => `${d.obj.apiVersion}/${d.obj.kind}`);
    for (const k of [
      "cluster.x-k8s.io/v1beta2/Cluster",
      "controlplane.cluster.x-k8s.io/v1beta2/KubeadmControlPlane",
      "cluster.x-k8s.io/v1beta2/MachineDeployment",
      "cluster.x-k8s.io/v1beta2/MachineHealthCheck",
      "infrastructure.cluster.x-k8s.io/v1beta2/VSphereCluster",
      "infrastructure.cluster.x-k8s.io/v1beta2/VSphereMachineTemplate",
    ]) {
      expect(kinds).toContain(k);
    }
    const md = docs.find((d) => d.obj.kind === "MachineDeployment");
    expect(
      (md?.obj.metadata?.["annotations"] as Record<string, string>)[
        "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size"
      ],
    ).toBe("50");
    const kcp = tree.get("bootstrap/cluster-api/control-plane.yaml") ?? "";
    expect(kcp).toContain("name: audit-policy-file");
    expect(kcp).toContain("name: encryption-provider-config");
    expect(kcp).toContain("contentFrom:");
    expect(tree.get("bootstrap/control-plane/encryption-config.yaml")).toContain(
      "REPLACE-WITH-BASE64-32-BYTE-KEY",
    );
    const autoscaler = docs.find(
      (d) => d.obj.kind === "Application" && d.obj.metadata?.["name"] === "cluster-autoscaler",
    );
    expect(JSON.stringify(autoscaler?.obj)).toContain('"cloudProvider":"clusterapi"');
  });

  it("wires SSO with structured authentication when an identity provider is given", () => {
    const authn = docsOf(
      new Map([["a.yaml", tree.get("bootstrap/control-plane/authentication-config.yaml") ?? ""]]),
    )[0];
    expect(authn?.obj.kind).toBe("AuthenticationConfiguration");
    expect(authn?.obj.apiVersion).toBe("apiserver.config.k8s.io/v1");
  });

  it("uses valid DNS-1123 names for every object", () => {
    for (const d of docs) {
      const name = d.obj.metadata?.["name"];
      if (d.obj.metadata)
        expect(
          isDnsLabel(String(name)) || /^[a-z0-9.-]+$/.test(String(name)),
          `${d.path} ${String(name)}`,
        ).toBe(true);
    }
  });

  it("sets CreateNamespace only where it does not render the Namespace itself", () => {
    for (const a of apps) {
      const spec = a.obj["spec"] as {
        destination: { namespace: string };
        syncPolicy: { syncOptions: string[] };
      };
      expect(spec.syncPolicy.syncOptions).toContain("ServerSideApply=true");
      const rendered = tree.has(`guardrails/namespaces/${spec.destination.namespace}.yaml`);
      if (rendered) expect(spec.syncPolicy.syncOptions).not.toContain("CreateNamespace=true");
    }
  });
});

describe("render: other profiles and flavours", () => {
  it("SUP on bare metal gets a kubeadm v1beta4 configuration with list-style extraArgs", () => {
    const tree = renderProfile("SUP");
    const text = tree.get("bootstrap/kubeadm/kubeadm-config.yaml") ?? "";
    expect(text).toContain("apiVersion: kubeadm.k8s.io/v1beta4");
    expect(text).toContain("kind: ClusterConfiguration");
    expect(text).toMatch(
      / {4}- name: encryption-provider-config\n\s+value: \/etc\/kubernetes\/bespoke\/encryption-config.yaml/,
    );
    expect([...tree.keys()].some((p) => p.startsWith("bootstrap/cluster-api/"))).toBe(false);
  });

  it("Flux flavour: HelmRepository/OCIRepository + HelmRelease, Kustomizations with dependsOn, no Argo CD objects", () => {
    const tree = renderProfile("MBU", "flux");
    const docs = docsOf(tree);
    expect(docs.some((d) => d.obj.kind === "Application")).toBe(false);
    const releases = docs.filter((d) => d.obj.kind === "HelmRelease");
    expect(releases.length).toBeGreaterThan(5);
    expect(docs.some((d) => d.obj.kind === "OCIRepository")).toBe(true);
    const ks = docs.filter((d) => d.obj.apiVersion === "kustomize.toolkit.fluxcd.io/v1");
    const argo = ks.find((k) => k.obj.metadata?.["name"] === "bespoke-cert-manager");
    const deps = ((argo?.obj["spec"] as { dependsOn?: { name: string }[] }).dependsOn ?? []).map(
      (d) => d.name,
    );
    expect(deps).toContain("bespoke-guardrails");
    expect(deps).toContain("bespoke-cilium");
  });

  it("Flux flavour: companion HelmReleases chained by dependsOn around the main release", () => {
    const docs = docsOf(renderProfile("ENT", "flux"));
    const releases = new Map(
      docs
        .filter((d) => d.obj.kind === "HelmRelease")
        .map((d) => [d.obj.metadata?.["name"] as string, d.obj["spec"] as Record<string, unknown>]),
    );
    const dep = (name: string) => {
      expect(releases.has(name), name).toBe(true);
      return ((releases.get(name)?.["dependsOn"] ?? []) as { name: string }[]).map((d) => d.name);
    };
    const chart = (name: string) =>
      (releases.get(name)?.["chart"] as { spec: { chart: string } } | undefined)?.spec.chart;
    expect(dep("istio-ambient-base")).toEqual([]);
    expect(dep("istio-ambient-cni")).toEqual(["istio-ambient-base"]);
    expect(dep("istio-ambient")).toEqual(["istio-ambient-cni"]);
    expect(dep("istio-ambient-ztunnel")).toEqual(["istio-ambient"]);
    expect(
      ["istio-ambient-base", "istio-ambient-cni", "istio-ambient", "istio-ambient-ztunnel"].map(chart),
    ).toEqual(["base", "cni", "istiod", "ztunnel"]);
    expect(dep("rook-ceph-cluster")).toEqual(["rook-ceph"]);
    expect(dep("opensearch-dashboards")).toEqual(["opensearch"]);
    for (const n of ["istio-ambient-cni", "istio-ambient-ztunnel", "rook-ceph-cluster"]) {
      const spec = releases.get(n) as { targetNamespace: string; storageNamespace: string };
      expect(spec.targetNamespace, n).toBe(spec.storageNamespace);
    }
    expect((releases.get("istio-ambient-ztunnel") as { targetNamespace: string }).targetNamespace).toBe(
      "istio-system",
    );
  });

  it("is byte-identical for the same input", () => {
    const a = renderProfile("ENT", "flux");
    const b = renderProfile("ENT", "flux");
    expect([...a]).toEqual([...b]);
  });
});
