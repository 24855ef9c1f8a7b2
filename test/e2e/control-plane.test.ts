/**
 * The real control plane behaves like a real cluster where Bespoke relies on it: version,
 * Pod Security admission, ValidatingAdmissionPolicy, namespace deletion and garbage collection.
 */
import { execFileSync } from "node:child_process";
import type { KubernetesObject } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_KUBE_VERSION } from "../../src/dev/versions.js";
import { startControlPlane, type ControlPlane } from "./harness.js";

let cp: ControlPlane;
beforeAll(async () => {
  cp = await startControlPlane();
});
afterAll(async () => {
  await cp?.stop();
});

const privilegedPod = (namespace: string): KubernetesObject & { spec: unknown } => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "privileged", namespace },
  spec: { containers: [{ name: "c", image: "busybox:1.37", securityContext: { privileged: true } }] },
});

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function exists(obj: KubernetesObject): Promise<boolean> {
  return (await cp.read(obj)) !== undefined;
}

describe("control plane", () => {
  it("reports the real upstream version it was built from", async () => {
    expect(cp.version).toBe(DEFAULT_KUBE_VERSION);
    // A second client, built from the same release, sees the same: the ldflags reached both.
    const kubectl = cp.kubectl;
    if (!kubectl) throw new Error("the cached binaries include kubectl; envtest assets may not");
    const stdout = execFileSync(kubectl, ["--kubeconfig", cp.kubeconfigPath, "version", "-o", "json"], {
      encoding: "utf8",
    });
    const v = JSON.parse(stdout) as { serverVersion: { gitVersion: string; minor: string } };
    expect(v.serverVersion.gitVersion).toBe(DEFAULT_KUBE_VERSION);
    expect(v.serverVersion.minor).toBe(DEFAULT_KUBE_VERSION.split(".")[1]);
  });

  it("Pod Security admission denies a privileged pod under enforce=restricted and allows it under privileged", async () => {
    const restricted = await cp.newNamespace({ "pod-security.kubernetes.io/enforce": "restricted" });
    const denied = await cp.dryRunCreate(privilegedPod(restricted));
    expect(denied.allowed).toBe(false);
    if (!denied.allowed) {
      expect(denied.code).toBe(403);
      expect(denied.message).toMatch(/violates PodSecurity "restricted:latest"/);
      expect(denied.message).toMatch(/privileged/);
    }
    const open = await cp.newNamespace({ "pod-security.kubernetes.io/enforce": "privileged" });
    const allowed = await cp.dryRunCreate(privilegedPod(open));
    expect(allowed.allowed).toBe(true);
  });

  it("a ValidatingAdmissionPolicy with its binding denies a non-compliant object and admits a compliant one", async () => {
    const ns = await cp.newNamespace({ "bespoke.dev/policy": "enforce" });
    await cp.apply({
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicy",
      metadata: { name: "e2e-require-team" },
      spec: {
        failurePolicy: "Fail",
        matchConstraints: {
          resourceRules: [
            {
              apiGroups: [""],
              apiVersions: ["v1"],
              operations: ["CREATE", "UPDATE"],
              resources: ["configmaps"],
            },
          ],
        },
        validations: [
          {
            expression: "has(object.metadata.labels) && 'team' in object.metadata.labels",
            message: "a team label is required",
          },
        ],
      },
    } as KubernetesObject);
    await cp.apply({
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicyBinding",
      metadata: { name: "e2e-require-team" },
      spec: {
        policyName: "e2e-require-team",
        validationActions: ["Deny"],
        matchResources: { namespaceSelector: { matchLabels: { "bespoke.dev/policy": "enforce" } } },
      },
    } as KubernetesObject);
    const cm = (labels: Record<string, string>): KubernetesObject =>
      ({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "cm", namespace: ns, labels },
        data: {},
      }) as KubernetesObject;
    // The policy is compiled and its binding picked up asynchronously: wait for the first denial.
    let last = await cp.dryRunCreate(cm({}));
    await waitUntil("the VAP to take effect", async () => {
      last = await cp.dryRunCreate(cm({}));
      return !last.allowed;
    });
    expect(last.allowed).toBe(false);
    if (!last.allowed) {
      expect(last.message).toBe(
        "configmaps \"cm\" is forbidden: ValidatingAdmissionPolicy 'e2e-require-team' with binding 'e2e-require-team' denied request: a team label is required",
      );
    }
    expect((await cp.dryRunCreate(cm({ team: "platform" }))).allowed).toBe(true);
  });

  it("deleting a namespace removes it and its objects (namespace controller)", async () => {
    const ns = await cp.newNamespace({}, "gone");
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x", namespace: ns } };
    await cp.apply(cm);
    await cp.core.deleteNamespace({ name: ns });
    await waitUntil(
      `namespace ${ns} to disappear`,
      async () => !(await exists({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns } })),
    );
    expect(await exists(cm)).toBe(false);
  });

  it("garbage collection deletes dependents of a deleted owner (ownerReferences)", async () => {
    const ns = await cp.newNamespace({}, "gc");
    const owner = await cp.apply({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "owner", namespace: ns },
    });
    const uid = owner.metadata?.uid;
    if (!uid) throw new Error("apply returned no uid");
    expect(uid).toMatch(/^[0-9a-f-]{36}$/);
    const dependent = {
      apiVersion: "v1",
      kind: "Secret",
      metadata: {
        name: "dependent",
        namespace: ns,
        ownerReferences: [{ apiVersion: "v1", kind: "ConfigMap", name: "owner", uid }],
      },
    };
    await cp.apply(dependent);
    const unrelated = { apiVersion: "v1", kind: "Secret", metadata: { name: "unrelated", namespace: ns } };
    await cp.apply(unrelated);
    await cp.remove(owner);
    await waitUntil("the dependent to be collected", async () => !(await exists(dependent)));
    expect(await exists(unrelated)).toBe(true);
  });
});
