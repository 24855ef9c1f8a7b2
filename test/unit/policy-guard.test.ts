import { describe, expect, it } from "vitest";
import { compilePolicySet } from "../../src/policy/vap/index.js";
import { exportGuard } from "../../src/policy/export/export.js";
import { defaultParams, paramsConfigMap } from "../../src/policy/params/params.js";
import { exceptionKey } from "../../src/policy/exceptions/annotation.js";
import type { KubeObject, UserInfo } from "../../src/policy/vap/types.js";

const guard = exportGuard();
const set = compilePolicySet({
  policies: [guard.policy],
  bindings: [...guard.bindings],
  params: [paramsConfigMap(defaultParams)],
});
const key = exceptionKey("res-memory-limit");
const dev: UserInfo = { username: "alice", groups: ["developers", "system:authenticated"] };
const admin: UserInfo = { username: "bob", groups: ["bespoke:platform-admins"] };

function deployment(annotations: Record<string, string>, template: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "shop", annotations },
    spec: { template: { metadata: { annotations: template }, spec: { containers: [] } } },
  };
}

describe("exception guard", () => {
  it("compiles", () => {
    expect(set.compileErrors).toEqual([]);
  });

  it("denies a non-admin adding an exception on the object or the pod template", () => {
    for (const obj of [deployment({ [key]: "reason=x" }), deployment({}, { [key]: "reason=x" })]) {
      const v = set.admit({ operation: "CREATE", object: obj, userInfo: dev });
      expect(v.allowed).toBe(false);
      expect(v.denials[0]?.validationMessage).toMatch(/may set bespoke\.dev\/exception\.\* annotations/);
      expect(v.denials[0]?.reason).toBe("Forbidden");
    }
  });

  it("allows admins, and non-admins whose update leaves exceptions unchanged", () => {
    const withEx = deployment({ [key]: "reason=x", other: "1" });
    expect(set.admit({ operation: "CREATE", object: withEx, userInfo: admin }).allowed).toBe(true);
    const edited = deployment({ [key]: "reason=x", other: "2" });
    expect(set.admit({ operation: "UPDATE", object: edited, oldObject: withEx, userInfo: dev }).allowed).toBe(
      true,
    );
    const removed = deployment({ other: "2" });
    expect(
      set.admit({ operation: "UPDATE", object: removed, oldObject: withEx, userInfo: dev }).allowed,
    ).toBe(false);
    const changed = deployment({ [key]: "reason=y" });
    expect(
      set.admit({ operation: "UPDATE", object: changed, oldObject: withEx, userInfo: dev }).allowed,
    ).toBe(false);
  });

  it("lets the controllers that copy pod templates into pods through", () => {
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web-1", namespace: "shop", annotations: { [key]: "reason=x" } },
      spec: { containers: [] },
    };
    const rs: UserInfo = { username: "system:serviceaccount:kube-system:replicaset-controller", groups: [] };
    expect(set.admit({ operation: "CREATE", object: pod, userInfo: rs }).allowed).toBe(true);
  });
});
