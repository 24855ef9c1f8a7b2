/**
 * The 43 upstream CRDs of the shared corpus install into the real apiserver and validate custom
 * resources with their own schemas (OpenAPI + CEL rules), through server-side dry-run.
 */
import type { KubernetesObject } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conditionTrue } from "../../src/kube/crds.js";
import { loadCorpusCrds, startControlPlane, type ControlPlane } from "./harness.js";

let cp: ControlPlane;
let ns: string;
let installed: string[];
beforeAll(async () => {
  cp = await startControlPlane();
  installed = await cp.installCorpusCrds();
  ns = await cp.newNamespace({}, "crs");
});
afterAll(async () => {
  await cp?.stop();
});

const cr = (apiVersion: string, kind: string, spec: unknown): KubernetesObject =>
  ({ apiVersion, kind, metadata: { name: "sample", namespace: ns }, spec }) as KubernetesObject;

const cases: {
  name: string;
  valid: () => KubernetesObject;
  invalid: () => KubernetesObject;
  error: RegExp;
}[] = [
  {
    name: "Argo CD Application (argoproj.io/v1alpha1)",
    valid: () =>
      cr("argoproj.io/v1alpha1", "Application", {
        project: "default",
        source: { repoURL: "https://git.example.org/platform.git", path: "apps", targetRevision: "main" },
        destination: { server: "https://kubernetes.default.svc", namespace: "apps" },
      }),
    invalid: () =>
      cr("argoproj.io/v1alpha1", "Application", {
        source: { repoURL: "https://git.example.org/platform.git", path: "apps" },
        destination: { server: "https://kubernetes.default.svc" },
      }),
    error: /spec\.project: Required value/,
  },
  {
    name: "cert-manager Certificate (cert-manager.io/v1)",
    valid: () =>
      cr("cert-manager.io/v1", "Certificate", {
        secretName: "web-tls",
        dnsNames: ["web.example.org"],
        issuerRef: { name: "letsencrypt", kind: "ClusterIssuer" },
      }),
    invalid: () =>
      cr("cert-manager.io/v1", "Certificate", {
        dnsNames: "web.example.org",
        issuerRef: { name: "letsencrypt", kind: "ClusterIssuer" },
      }),
    error:
      /spec\.dnsNames: Invalid value: "string": spec\.dnsNames in body must be of type array|spec\.secretName: Required value/,
  },
  {
    name: "Cluster API Cluster (cluster.x-k8s.io/v1beta2)",
    valid: () =>
      cr("cluster.x-k8s.io/v1beta2", "Cluster", {
        clusterNetwork: { pods: { cidrBlocks: ["192.168.0.0/16"] } },
        controlPlaneRef: {
          apiGroup: "controlplane.cluster.x-k8s.io",
          kind: "KubeadmControlPlane",
          name: "sample-cp",
        },
        infrastructureRef: {
          apiGroup: "infrastructure.cluster.x-k8s.io",
          kind: "VSphereCluster",
          name: "sample",
        },
      }),
    invalid: () =>
      cr("cluster.x-k8s.io/v1beta2", "Cluster", {
        clusterNetwork: { pods: { cidrBlocks: [] } },
        controlPlaneRef: { kind: "KubeadmControlPlane", name: "sample-cp" },
      }),
    error: /spec\.controlPlaneRef\.apiGroup: Required value/,
  },
];

describe("corpus CRDs", () => {
  it("all 43 install and reach Established, none with a non-structural schema", async () => {
    expect(loadCorpusCrds()).toHaveLength(43);
    expect(installed).toHaveLength(43);
    expect(new Set(installed).size).toBe(43);
    for (const name of installed) {
      const crd = await cp.read({
        apiVersion: "apiextensions.k8s.io/v1",
        kind: "CustomResourceDefinition",
        metadata: { name },
      });
      expect(conditionTrue(crd, "Established"), name).toBe(true);
      expect(conditionTrue(crd, "NonStructuralSchema"), name).toBe(false);
    }
  });

  for (const c of cases) {
    it(`${c.name}: server-side dry-run accepts a valid object and rejects an invalid one`, async () => {
      const ok = await cp.dryRunCreate(c.valid());
      expect(ok.allowed, ok.allowed ? "" : ok.message).toBe(true);
      const bad = await cp.dryRunCreate(c.invalid());
      expect(bad.allowed).toBe(false);
      if (!bad.allowed) {
        expect(bad.code).toBe(422);
        expect(bad.reason).toBe("Invalid");
        expect(bad.message).toMatch(c.error);
      }
      // Server-side apply in dry-run agrees, and neither stored anything.
      expect((await cp.dryRunApply(c.valid())).allowed).toBe(true);
      expect(await cp.read(c.valid())).toBeUndefined();
    });
  }
});
