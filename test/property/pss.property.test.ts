/**
 * Properties of the offline Pod Security evaluation over generated pods: restricted is at least
 * as strict as baseline, a forbidden field always fails a passing pod, and wrapping a pod in any
 * workload kind does not change what is found.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePodSecurity, evaluateWorkload, podSecurityVerdict } from "../../src/policy/pss/index.js";
import type { PssVersion } from "../../src/policy/pss/index.js";

const minor = fc.integer({ min: 0, max: 37 });
const version = (m: number): PssVersion => `v1.${m}`;
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);

/** Container security contexts mixing allowed and forbidden values. */
const securityContext = fc.record(
  {
    privileged: fc.boolean(),
    allowPrivilegeEscalation: fc.boolean(),
    runAsNonRoot: fc.boolean(),
    runAsUser: fc.constantFrom(0, 1000),
    procMount: fc.constantFrom("Default", "Unmasked"),
    capabilities: fc.record(
      {
        add: fc.subarray(["NET_BIND_SERVICE", "CHOWN", "NET_RAW", "SYS_ADMIN"]),
        drop: fc.subarray(["ALL", "NET_RAW"]),
      },
      { requiredKeys: [] },
    ),
    seccompProfile: fc.record({ type: fc.constantFrom("RuntimeDefault", "Localhost", "Unconfined") }),
    seLinuxOptions: fc.record(
      { type: fc.constantFrom("container_t", "spc_t"), user: fc.constant("u") },
      { requiredKeys: [] },
    ),
    windowsOptions: fc.record({ hostProcess: fc.boolean() }),
  },
  { requiredKeys: [] },
);

const container = fc.record(
  {
    name,
    image: fc.constant("registry.example/app:1"),
    securityContext,
    ports: fc.array(fc.record({ containerPort: fc.constant(80), hostPort: fc.constantFrom(0, 8080) }), {
      maxLength: 2,
    }),
  },
  { requiredKeys: ["name", "image"] },
);

const volume = fc.oneof(
  fc.record({ name, emptyDir: fc.constant({}) }),
  fc.record({ name, hostPath: fc.record({ path: fc.constant("/") }) }),
  fc.record({ name, nfs: fc.record({ server: fc.constant("s"), path: fc.constant("/") }) }),
  fc.record({ name, configMap: fc.record({ name }) }),
);

const pod = fc.record({
  kind: fc.constantFrom("Pod", undefined),
  metadata: fc.record(
    {
      name,
      annotations: fc.dictionary(
        fc.constantFrom(
          "container.apparmor.security.beta.kubernetes.io/a",
          "seccomp.security.alpha.kubernetes.io/pod",
          "example.com/x",
        ),
        fc.constantFrom("runtime/default", "unconfined", "localhost/p"),
      ),
    },
    { requiredKeys: ["name"] },
  ),
  spec: fc.record(
    {
      hostNetwork: fc.boolean(),
      hostPID: fc.boolean(),
      hostUsers: fc.boolean(),
      os: fc.record({ name: fc.constantFrom("linux", "windows") }),
      securityContext: fc.record(
        {
          runAsNonRoot: fc.boolean(),
          runAsUser: fc.constantFrom(0, 1000),
          seccompProfile: fc.record({ type: fc.constantFrom("RuntimeDefault", "Unconfined") }),
          sysctls: fc.array(
            fc.record({
              name: fc.constantFrom("kernel.shm_rmid_forced", "kernel.msgmax"),
              value: fc.constant("1"),
            }),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: [] },
      ),
      initContainers: fc.array(container, { maxLength: 1 }),
      containers: fc.array(container, { minLength: 1, maxLength: 3 }),
      volumes: fc.array(volume, { maxLength: 3 }),
    },
    { requiredKeys: ["containers"] },
  ),
});

describe("pss properties", () => {
  // Not for Windows pods: from 1.25 restricted replaces baseline's capabilities and seccomp
  // checks with Linux-only ones, so upstream admits some Windows pods at restricted that
  // baseline refuses (pinned in pss-checks.test.ts).
  it("a Linux pod baseline refuses is refused by restricted too, at every version", () => {
    fc.assert(
      fc.property(pod, minor, (p, m) => {
        fc.pre(p.spec.os?.name !== "windows");
        const baseline = podSecurityVerdict(p, { level: "baseline", version: version(m) });
        const restricted = podSecurityVerdict(p, { level: "restricted", version: version(m) });
        if (!baseline.allowed) expect(restricted.allowed).toBe(false);
        // Restricted only adds checks: every baseline check still there reports the same thing.
        for (const r of baseline.results) {
          const same = restricted.results.find((x) => x.ruleId === r.ruleId);
          if (same) expect(same).toEqual(r);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("any JSON value is evaluated without throwing, with paths into the object", () => {
    const junkPod = fc.record({
      metadata: fc.anything(),
      spec: fc.oneof(
        fc.anything(),
        fc.record({
          containers: fc.array(fc.anything()),
          volumes: fc.anything(),
          securityContext: fc.anything(),
        }),
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), junkPod), minor, (p, m) => {
        for (const level of ["baseline", "restricted"] as const) {
          for (const v of evaluatePodSecurity(p, { level, version: version(m) })) {
            expect(["metadata", "spec"]).toContain(v.path?.[0]);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("per-field violations and the whole-pod verdict agree", () => {
    fc.assert(
      fc.property(pod, minor, fc.constantFrom("baseline", "restricted" as const), (p, m, level) => {
        const options = { level, version: version(m) };
        const violations = evaluatePodSecurity(p, options);
        const verdict = podSecurityVerdict(p, options);
        expect(violations.length === 0).toBe(verdict.allowed);
        // Fields the apiserver derives (defaulted host ports, copied AppArmor annotations) shape
        // the verdict's wording but are not findings of their own.
        const verdictRules = new Set(verdict.results.map((r) => r.ruleId));
        for (const v of violations) expect(verdictRules.has(v.ruleId)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  /** Forbidden edits and the first minor version at which baseline forbids them. */
  const forbiddenEdits: [string, number, (p: HardenedPod) => void][] = [
    ["privileged", 0, (p) => (first(p).securityContext.privileged = true)],
    ["hostNetwork", 0, (p) => (p.spec.hostNetwork = true)],
    ["hostPath", 0, (p) => p.spec.volumes.push({ name: "h", hostPath: { path: "/" } })],
    ["NET_RAW", 0, (p) => (first(p).securityContext.capabilities.add = ["NET_RAW"])],
    ["hostPort", 0, (p) => (first(p).ports = [{ containerPort: 1, hostPort: 1 }])],
    ["procMount", 0, (p) => (first(p).securityContext.procMount = "Unmasked")],
    ["seLinux user", 0, (p) => (first(p).securityContext.seLinuxOptions = { user: "root" })],
    ["sysctl", 0, (p) => p.spec.securityContext.sysctls.push({ name: "kernel.msgmax", value: "1" })],
    ["hostProcess", 0, (p) => (first(p).securityContext.windowsOptions = { hostProcess: true })],
    ["AppArmor", 0, (p) => (first(p).securityContext.appArmorProfile = { type: "Unconfined" })],
    ["seccomp", 19, (p) => (first(p).securityContext.seccompProfile = { type: "Unconfined" })],
    ["probe host", 34, (p) => (first(p).livenessProbe = { httpGet: { host: "h", port: 1 } })],
  ];

  it("adding a forbidden field to a passing pod makes it fail baseline and restricted", () => {
    fc.assert(
      fc.property(hardenedPod, fc.constantFrom(...forbiddenEdits), minor, (p, [, since, edit], m) => {
        for (const level of ["baseline", "restricted"] as const) {
          expect(evaluatePodSecurity(p, { level, version: version(m) })).toEqual([]);
        }
        edit(p);
        const expectFail = m >= since;
        for (const level of ["baseline", "restricted"] as const) {
          expect(evaluatePodSecurity(p, { level, version: version(m) }).length > 0).toBe(expectFail);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("workload wrappers give the same findings as the bare pod, under their template path", () => {
    const kinds: [string, string, (t: unknown) => unknown, string[]][] = [
      ["apps/v1", "Deployment", (t) => ({ spec: { template: t } }), ["spec", "template"]],
      ["apps/v1", "StatefulSet", (t) => ({ spec: { template: t } }), ["spec", "template"]],
      ["apps/v1", "DaemonSet", (t) => ({ spec: { template: t } }), ["spec", "template"]],
      ["apps/v1", "ReplicaSet", (t) => ({ spec: { template: t } }), ["spec", "template"]],
      ["v1", "ReplicationController", (t) => ({ spec: { template: t } }), ["spec", "template"]],
      ["batch/v1", "Job", (t) => ({ spec: { template: t } }), ["spec", "template"]],
      [
        "batch/v1",
        "CronJob",
        (t) => ({ spec: { jobTemplate: { spec: { template: t } } } }),
        ["spec", "jobTemplate", "spec", "template"],
      ],
      ["v1", "PodTemplate", (t) => ({ template: t }), ["template"]],
    ];
    fc.assert(
      fc.property(pod, fc.constantFrom(...kinds), minor, (p, [apiVersion, kind, wrap, prefix], m) => {
        const options = { level: "restricted" as const, version: version(m) };
        const workload = { apiVersion, kind, metadata: { name: "w" }, ...(wrap(p) as object) };
        const bare = evaluatePodSecurity({ ...p, apiVersion: "v1", kind: "Pod" }, options);
        expect(evaluateWorkload(workload, options)).toEqual(
          bare.map((v) => ({ ...v, path: [...prefix, ...(v.path ?? [])] })),
        );
      }),
      { numRuns: 300 },
    );
  });
});

interface HardenedContainer {
  name: string;
  image: string;
  ports?: { containerPort: number; hostPort: number }[];
  livenessProbe?: unknown;
  securityContext: Record<string, unknown> & { capabilities: { drop: string[]; add?: string[] } };
}
interface HardenedPod {
  metadata: { name: string };
  spec: {
    hostNetwork?: boolean;
    securityContext: Record<string, unknown> & { sysctls: { name: string; value: string }[] };
    containers: HardenedContainer[];
    volumes: Record<string, unknown>[];
  };
}

function first(p: HardenedPod): HardenedContainer {
  const c = p.spec.containers[0];
  if (!c) throw new Error("hardened pods have at least one container");
  return c;
}

/** Pods that pass restricted at every version, with harmless variety. */
const hardenedPod: fc.Arbitrary<HardenedPod> = fc
  .record({
    names: fc.uniqueArray(name, { minLength: 1, maxLength: 3 }),
    seccomp: fc.constantFrom("RuntimeDefault", "Localhost"),
    addBind: fc.boolean(),
    sysctl: fc.boolean(),
    volumes: fc.subarray([
      { name: "e", emptyDir: {} },
      { name: "s", secret: { secretName: "x" } },
      { name: "c", persistentVolumeClaim: { claimName: "x" } },
    ]),
  })
  .map(({ names, seccomp, addBind, sysctl, volumes }) => ({
    metadata: { name: "hardened" },
    spec: {
      securityContext: {
        runAsNonRoot: true,
        seccompProfile: { type: seccomp },
        sysctls: sysctl ? [{ name: "kernel.shm_rmid_forced", value: "1" }] : [],
      },
      containers: names.map((n) => ({
        name: n,
        image: "registry.example/app:1",
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ["ALL"], ...(addBind ? { add: ["NET_BIND_SERVICE"] } : {}) },
        },
      })),
      volumes: [...volumes],
    },
  }));
