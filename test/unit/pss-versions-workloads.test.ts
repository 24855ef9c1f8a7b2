import { describe, expect, it } from "vitest";
import { BespokeInputError } from "../../src/core/diagnostics.js";
import {
  evaluateWorkload,
  knownPssVersions,
  parsePssVersion,
  requirePssVersion,
} from "../../src/policy/pss/index.js";
import { podBearingKinds, podSpecsOf } from "../../src/policy/workloads/index.js";

describe("--pss-version", () => {
  it("knows v1.0 to v1.37 and latest", () => {
    expect(knownPssVersions[0]).toBe("v1.0");
    expect(knownPssVersions.at(-1)).toBe("v1.37");
    expect(knownPssVersions).toHaveLength(38);
    expect(parsePssVersion("latest")).toMatchObject({ ok: true, minor: 37 });
    expect(parsePssVersion("v1.25")).toMatchObject({ ok: true, version: "v1.25", minor: 25 });
  });

  it("requirePssVersion throws an input error (BSP3901) that the CLI turns into exit 2", () => {
    expect(requirePssVersion("v1.30")).toBe("v1.30");
    expect(() => requirePssVersion("v1.99")).toThrow(BespokeInputError);
    try {
      requirePssVersion("v1.99", "--pss-version");
    } catch (err) {
      expect((err as BespokeInputError).diagnostics[0]?.code).toBe("BSP3901");
      expect((err as BespokeInputError).message).toContain("--pss-version");
    }
  });

  it.each([
    ["1.25", "did you mean v1.25?"],
    ["25", "did you mean v1.25?"],
    ["v1.38", "v1.37 is the newest"],
    ["v1.025", "use v1.N"],
    ["v2.0", "use v1.N"],
    ["", "use v1.N"],
  ])("rejects %j with code, message and hint", (input, hint) => {
    const result = parsePssVersion(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic.code).toBe("BSP3901");
    expect(result.diagnostic.message).toContain(JSON.stringify(input));
    expect(result.diagnostic.hint).toContain(hint);
  });
});

const podSpec = { containers: [{ name: "c", securityContext: { privileged: true } }] };
const template = { metadata: { labels: { app: "x" } }, spec: podSpec };

const wrap = (apiVersion: string, kind: string): Record<string, unknown> => {
  switch (kind) {
    case "Pod":
      return { apiVersion, kind, metadata: { name: "p" }, spec: podSpec };
    case "PodTemplate":
      return { apiVersion, kind, metadata: { name: "t" }, template };
    case "CronJob":
      return { apiVersion, kind, spec: { schedule: "* * * * *", jobTemplate: { spec: { template } } } };
    default:
      return { apiVersion, kind, spec: { template } };
  }
};

const kinds: [string, string, string[]][] = [
  ["v1", "Pod", []],
  ["v1", "PodTemplate", ["template"]],
  ["v1", "ReplicationController", ["spec", "template"]],
  ["apps/v1", "ReplicaSet", ["spec", "template"]],
  ["apps/v1", "Deployment", ["spec", "template"]],
  ["apps/v1", "StatefulSet", ["spec", "template"]],
  ["apps/v1", "DaemonSet", ["spec", "template"]],
  ["batch/v1", "Job", ["spec", "template"]],
  ["batch/v1", "CronJob", ["spec", "jobTemplate", "spec", "template"]],
];

describe("podSpecsOf", () => {
  it("covers exactly the pod-bearing kinds", () => {
    expect([...podBearingKinds]).toEqual(kinds.map(([, k]) => k).sort());
  });

  it.each(kinds)("%s %s: finds the pod spec at %j", (apiVersion, kind, path) => {
    const found = podSpecsOf(wrap(apiVersion, kind));
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toEqual(path);
    expect(found[0]?.podSpec).toEqual(podSpec);
    const violations = evaluateWorkload(wrap(apiVersion, kind), { level: "baseline", version: "latest" });
    expect(violations.map((v) => v.path.join("."))).toEqual([
      [...path, "spec", "containers", "0", "securityContext", "privileged"].join("."),
    ]);
  });

  it("ignores other kinds, custom resources reusing a kind name, and broken templates", () => {
    expect(podSpecsOf({ apiVersion: "v1", kind: "Service", spec: {} })).toEqual([]);
    expect(podSpecsOf({ apiVersion: "example.com/v1", kind: "Deployment", spec: { template } })).toEqual([]);
    expect(podSpecsOf({ apiVersion: "apps/v1", kind: "Deployment", spec: {} })).toEqual([]);
    expect(podSpecsOf({ apiVersion: "apps/v1", kind: "Deployment", spec: { template: [] } })).toEqual([]);
    expect(podSpecsOf(null)).toEqual([]);
    expect(podSpecsOf("Pod")).toEqual([]);
    expect(podSpecsOf({ kind: "Deployment", spec: { template } })).toHaveLength(1);
    expect(podSpecsOf({ kind: "Pod", spec: podSpec })[0]?.podMetadata).toEqual({});
  });
});
