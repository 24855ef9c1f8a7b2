/**
 * Wording, field paths and version behaviour of individual checks. Expected messages follow
 * the wording of upstream's own unit tests for k8s.io/pod-security-admission.
 */
import { describe, expect, it } from "vitest";
import {
  activeChecks,
  evaluatePodSecurity,
  podSecurityVerdict,
  pssRules,
} from "../../src/policy/pss/index.js";
import type { PssOptions } from "../../src/policy/pss/index.js";
import { allowedSysctls } from "../../src/policy/pss/checks/sysctls.js";

const latestRestricted: PssOptions = { level: "restricted", version: "latest" };
const latestBaseline: PssOptions = { level: "baseline", version: "latest" };

/** A pod that passes restricted at every version. */
function goodPod(extraSpec: Record<string, unknown> = {}, containers?: unknown[]) {
  const container = (name: string) => ({
    name,
    image: "registry.example/app@sha256:0",
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
  });
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
      containers: containers ?? [container("a")],
      ...extraSpec,
    },
  };
}

describe("pss checks", () => {
  it("a hardened pod passes both levels at every version", () => {
    for (let minor = 0; minor <= 37; minor++) {
      for (const level of ["baseline", "restricted"] as const) {
        expect(evaluatePodSecurity(goodPod(), { level, version: `v1.${minor}` })).toEqual([]);
      }
    }
  });

  it("privileged: one violation per container, with its path and upstream wording", () => {
    const pod = goodPod({}, [
      { name: "x", securityContext: { privileged: true } },
      { name: "y", securityContext: { privileged: true } },
    ]);
    const baseline = evaluatePodSecurity(pod, latestBaseline);
    expect(baseline).toEqual([
      {
        ruleId: "pss-baseline-privileged",
        message: 'privileged (container "x" must not set securityContext.privileged=true)',
        container: "x",
        path: ["spec", "containers", "0", "securityContext", "privileged"],
      },
      {
        ruleId: "pss-baseline-privileged",
        message: 'privileged (container "y" must not set securityContext.privileged=true)',
        container: "y",
        path: ["spec", "containers", "1", "securityContext", "privileged"],
      },
    ]);
    expect(podSecurityVerdict(pod, latestBaseline).message).toBe(
      'privileged (containers "x", "y" must not set securityContext.privileged=true)',
    );
  });

  it("aggregates checks in upstream order, baseline before restricted", () => {
    const pod = {
      metadata: { name: "p" },
      spec: {
        hostNetwork: true,
        hostPID: true,
        initContainers: [{ name: "i" }],
        containers: [{ name: "c", securityContext: { runAsUser: 0 } }],
      },
    };
    expect(podSecurityVerdict(pod, { level: "restricted", version: "v1.24" }).message).toBe(
      [
        "host namespaces (hostNetwork=true, hostPID=true)",
        'allowPrivilegeEscalation != false (containers "i", "c" must set securityContext.allowPrivilegeEscalation=false)',
        'unrestricted capabilities (containers "i", "c" must set securityContext.capabilities.drop=["ALL"])',
        'runAsNonRoot != true (pod or containers "i", "c" must set securityContext.runAsNonRoot=true)',
        'runAsUser=0 (container "c" must not set runAsUser=0)',
        'seccompProfile (pod or containers "i", "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
      ].join(", "),
    );
  });

  it("seLinuxOptions words types, user and role like upstream", () => {
    const opts = (type: string) => ({ seLinuxOptions: { type, user: "u", role: "r" } });
    const pod = goodPod({ securityContext: { ...opts("foo"), runAsNonRoot: true } }, [
      { name: "e", securityContext: opts("bar") },
      { name: "f", securityContext: opts("bar") },
    ]);
    expect(podSecurityVerdict(pod, latestBaseline).message).toBe(
      'seLinuxOptions (pod and containers "e", "f" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set)',
    );
  });

  it("seLinux type container_engine_t is allowed from v1.31 only", () => {
    const pod = goodPod({
      securityContext: {
        runAsNonRoot: true,
        seccompProfile: { type: "RuntimeDefault" },
        seLinuxOptions: { type: "container_engine_t" },
      },
    });
    expect(evaluatePodSecurity(pod, { level: "baseline", version: "v1.30" })).toHaveLength(1);
    expect(evaluatePodSecurity(pod, { level: "baseline", version: "v1.31" })).toEqual([]);
  });

  it("AppArmor annotations and fields", () => {
    const pod = {
      metadata: {
        annotations: {
          "container.apparmor.security.beta.kubernetes.io/b": "unconfined",
          "container.apparmor.security.beta.kubernetes.io/a": "localhost/ok",
          "container.apparmor.security.beta.kubernetes.io/c": 'x"y',
        },
      },
      spec: {
        containers: [{ name: "a", securityContext: { appArmorProfile: { type: "Unconfined" } } }],
      },
    };
    expect(podSecurityVerdict(pod, latestBaseline).message).toBe(
      // Upstream wraps the %q-quoted annotation in quotes again without escaping.
      'forbidden AppArmor profiles (container "a" and annotations must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/b="unconfined"", "container.apparmor.security.beta.kubernetes.io/c="x\\"y"")',
    );
    const paths = evaluatePodSecurity(pod, latestBaseline).map((v) => v.path?.join("."));
    expect(paths).toEqual([
      "spec.containers.0.securityContext.appArmorProfile.type",
      "metadata.annotations.container.apparmor.security.beta.kubernetes.io/b",
      "metadata.annotations.container.apparmor.security.beta.kubernetes.io/c",
    ]);
  });

  it("AppArmor: like the apiserver, a Pod's unconfined annotation also counts as its container's field", () => {
    const annotated = (kind?: string) => ({
      ...(kind ? { kind } : {}),
      metadata: { annotations: { "container.apparmor.security.beta.kubernetes.io/c": "unconfined" } },
      spec: { containers: [{ name: "c" }] },
    });
    expect(podSecurityVerdict(annotated("Pod"), latestBaseline).message).toBe(
      'forbidden AppArmor profiles (container "c" and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/c="unconfined"")',
    );
    // A pod template is not synced by the Pod create strategy.
    expect(podSecurityVerdict(annotated(), latestBaseline).message).toBe(
      'forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/c="unconfined"")',
    );
    // One user mistake, one finding: the derived field is not reported on its own.
    expect(evaluatePodSecurity(annotated("Pod"), latestBaseline)).toEqual([
      {
        ruleId: "pss-baseline-apparmor",
        message:
          'forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/c="unconfined"")',
        path: ["metadata", "annotations", "container.apparmor.security.beta.kubernetes.io/c"],
      },
    ]);
  });

  it("seccomp: annotations before v1.19, fields from v1.19", () => {
    const annotated = {
      metadata: { annotations: { "seccomp.security.alpha.kubernetes.io/pod": "unconfined" } },
      spec: { containers: [{ name: "a" }] },
    };
    expect(podSecurityVerdict(annotated, { level: "baseline", version: "v1.18" }).message).toBe(
      'seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")',
    );
    expect(evaluatePodSecurity(annotated, { level: "baseline", version: "v1.19" })).toEqual([]);
    const unconfined = {
      spec: { securityContext: { seccompProfile: { type: "Unconfined" } }, containers: [{ name: "a" }] },
    };
    expect(evaluatePodSecurity(unconfined, { level: "baseline", version: "v1.18" })).toEqual([]);
    expect(podSecurityVerdict(unconfined, { level: "baseline", version: "v1.19" }).message).toBe(
      'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")',
    );
  });

  it("restricted overrides baseline checks instead of reporting twice", () => {
    const pod = goodPod({ volumes: [{ name: "h", hostPath: { path: "/" } }] }, [
      {
        name: "a",
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { add: ["SYS_ADMIN"], drop: ["ALL"] },
        },
      },
    ]);
    const ids = evaluatePodSecurity(pod, latestRestricted).map((v) => v.ruleId);
    expect(ids).toEqual(["pss-restricted-capabilities", "pss-restricted-volume-types"]);
    // Before 1.22 there is no restricted capabilities check: baseline's applies.
    const old = evaluatePodSecurity(pod, { level: "restricted", version: "v1.21" }).map((v) => v.ruleId);
    expect(old).toEqual(["pss-baseline-capabilities", "pss-restricted-volume-types"]);
  });

  it("runAsUser exists from v1.23 and relaxes in a user namespace from v1.35", () => {
    const pod = goodPod({
      securityContext: { runAsNonRoot: true, runAsUser: 0, seccompProfile: { type: "RuntimeDefault" } },
    });
    const ids = (version: `v1.${number}`, p: unknown = pod) =>
      evaluatePodSecurity(p, { level: "restricted", version }).map((v) => v.ruleId);
    expect(ids("v1.22")).toEqual([]);
    expect(ids("v1.23")).toEqual(["pss-restricted-run-as-user"]);
    const userNs = { ...pod, spec: { ...pod.spec, hostUsers: false } };
    expect(ids("v1.34", userNs)).toEqual(["pss-restricted-run-as-user"]);
    expect(ids("v1.35", userNs)).toEqual([]);
  });

  it("Windows pods skip Linux-only restricted checks from v1.25", () => {
    const pod = { spec: { os: { name: "windows" }, containers: [{ name: "w" }] } };
    const ids = (version: `v1.${number}`) =>
      evaluatePodSecurity(pod, { level: "restricted", version }).map((v) => v.ruleId);
    expect(ids("v1.24")).toEqual([
      "pss-restricted-allow-privilege-escalation",
      "pss-restricted-capabilities",
      "pss-restricted-run-as-non-root",
      "pss-restricted-seccomp-profile",
    ]);
    expect(ids("v1.25")).toEqual(["pss-restricted-run-as-non-root"]);
  });

  it("reproduces upstream's quirk: restricted admits Windows pods that baseline refuses", () => {
    const pod = {
      spec: {
        os: { name: "windows" },
        securityContext: { runAsNonRoot: true, seccompProfile: { type: "Unconfined" } },
        containers: [{ name: "w", securityContext: { capabilities: { add: ["SYS_ADMIN"] } } }],
      },
    };
    expect(evaluatePodSecurity(pod, latestBaseline).map((v) => v.ruleId)).toEqual([
      "pss-baseline-capabilities",
      "pss-baseline-seccomp-profile",
    ]);
    expect(evaluatePodSecurity(pod, latestRestricted)).toEqual([]);
    expect(evaluatePodSecurity(pod, { level: "restricted", version: "v1.24" })).not.toEqual([]);
  });

  it("procMount: baseline relaxes for user namespaces from v1.35, restricted does not", () => {
    const pod = goodPod({ hostUsers: false }, [
      {
        name: "a",
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ["ALL"] },
          procMount: "Unmasked",
        },
      },
    ]);
    expect(evaluatePodSecurity(pod, { level: "baseline", version: "v1.34" })).toHaveLength(1);
    expect(evaluatePodSecurity(pod, { level: "baseline", version: "v1.35" })).toEqual([]);
    expect(evaluatePodSecurity(pod, { level: "restricted", version: "v1.35" })).toEqual([
      {
        ruleId: "pss-restricted-proc-mount",
        message: 'procMount (container "a" must not set securityContext.procMount to "Unmasked")',
        container: "a",
        path: ["spec", "containers", "0", "securityContext", "procMount"],
      },
    ]);
  });

  it("sysctls: the allowed list grows by version, names are reported as written", () => {
    expect(allowedSysctls(26).has("net.ipv4.ip_local_reserved_ports")).toBe(false);
    expect(allowedSysctls(27).has("net.ipv4.ip_local_reserved_ports")).toBe(true);
    expect(allowedSysctls(36).has("net.ipv4.tcp_notsent_lowat")).toBe(false);
    expect(allowedSysctls(37).has("net.ipv4.tcp_notsent_lowat")).toBe(true);
    const pod = goodPod({
      securityContext: {
        runAsNonRoot: true,
        seccompProfile: { type: "RuntimeDefault" },
        sysctls: [{ name: "net.ipv4.tcp_rmem" }, { name: "kernel.msgmax" }, { name: "kernel.msgmax" }],
      },
    });
    expect(podSecurityVerdict(pod, { level: "baseline", version: "v1.31" }).message).toBe(
      "forbidden sysctls (net.ipv4.tcp_rmem, kernel.msgmax, kernel.msgmax)",
    );
    expect(podSecurityVerdict(pod, { level: "baseline", version: "v1.32" }).message).toBe(
      "forbidden sysctls (kernel.msgmax, kernel.msgmax)",
    );
  });

  it("host ports, probe hosts and volumes are worded like upstream", () => {
    const pod = goodPod({ volumes: [{ name: "n", nfs: { server: "s", path: "/" } }, { name: "e" }] }, [
      {
        name: "b",
        ports: [
          { containerPort: 80, hostPort: 8080 },
          { containerPort: 81, hostPort: 443 },
        ],
        livenessProbe: { httpGet: { host: "evil", port: 80 } },
      },
      { name: "a", readinessProbe: { tcpSocket: { host: "other", port: 1 } } },
    ]);
    const verdict = podSecurityVerdict(pod, latestRestricted);
    expect(verdict.results.map((r) => `${r.reason} (${r.detail})`)).toContain(
      'hostPort (container "b" uses hostPorts 443, 8080)',
    );
    expect(verdict.results.map((r) => r.detail)).toContain(
      'containers "a", "b" use probe or lifecycle hosts "evil", "other"',
    );
    expect(verdict.results.map((r) => r.detail)).toContain('volume "n" uses restricted volume type "nfs"');
    expect(evaluatePodSecurity(pod, { level: "baseline", version: "v1.33" }).map((v) => v.ruleId)).toEqual([
      "pss-baseline-host-ports",
    ]);
  });

  it("hostNetwork Pods: defaulted host ports shape the wording, not the findings", () => {
    const pod = (kind?: string) => ({
      ...(kind ? { kind } : {}),
      spec: {
        hostNetwork: true,
        containers: [{ name: "c", ports: [{ containerPort: 8080 }, { containerPort: 81, hostPort: 81 }] }],
      },
    });
    expect(podSecurityVerdict(pod("Pod"), latestBaseline).message).toBe(
      'host namespaces (hostNetwork=true), hostPort (container "c" uses hostPorts 8080, 81)',
    );
    expect(podSecurityVerdict(pod(), latestBaseline).message).toBe(
      'host namespaces (hostNetwork=true), hostPort (container "c" uses hostPort 81)',
    );
    for (const kind of ["Pod", undefined]) {
      expect(
        evaluatePodSecurity(pod(kind), latestBaseline).map((v) => [v.ruleId, v.path?.join(".")]),
      ).toEqual([
        ["pss-baseline-host-namespaces", "spec.hostNetwork"],
        ["pss-baseline-host-ports", "spec.containers.0.ports.1.hostPort"],
      ]);
    }
  });

  it("every rule has metadata and a stable, unique id", () => {
    const ids = pssRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(19);
    for (const rule of pssRules) {
      expect(rule.id).toMatch(/^pss-(baseline|restricted)-[a-z-]+$/);
      expect(rule.severity).toBe("error");
      expect(rule.tags).toContain("pss");
      expect(rule.why.length).toBeGreaterThan(20);
      expect(rule.fix.length).toBeGreaterThan(10);
    }
  });

  it("restricted at a version includes every baseline check it does not override", () => {
    const baseline = activeChecks("baseline", 37).map((c) => c.check.upstreamId);
    const restricted = activeChecks("restricted", 37).map((c) => c.check.upstreamId);
    const overridden = ["capabilities_baseline", "hostPathVolumes", "procMount", "seccompProfile_baseline"];
    expect(baseline.filter((id) => !overridden.includes(id))).toEqual(
      restricted.filter((id) => baseline.includes(id)),
    );
    expect(activeChecks("baseline", 33).map((c) => c.check.upstreamId)).not.toContain(
      "hostProbesAndHostLifecycle",
    );
  });
});
