/**
 * Differential test: for every upstream Pod Security fixture of every version up to the
 * server's (4,537 pods, about a minute at 4 requests at a time), the real apiserver's Pod Security admission (server-side dry-run create in a
 * namespace labelled enforce=<level>, enforce-version=<version>) and our offline evaluation give
 * the same verdict, and the same wording when both deny.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { KubernetesObject } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { podSecurityVerdict } from "../../src/policy/pss/index.js";
import type { PssLevel, PssVersion } from "../../src/policy/pss/index.js";
import { CORPUS_DIR, startControlPlane, type ControlPlane } from "./harness.js";

const corpus = join(CORPUS_DIR, "pod-security");
const levels: PssLevel[] = ["baseline", "restricted"];
/**
 * Pods beyond the corpus where the apiserver changes the pod before admission (defaults and
 * the AppArmor annotation sync), written here to pin those behaviours.
 */
const container = (name: string, extra: object = {}) => ({ name, image: "registry.k8s.io/pause", ...extra });
const extraPods: [string, Record<string, unknown>][] = [
  [
    "hostNetwork defaults hostPort to containerPort",
    {
      apiVersion: "v1",
      kind: "Pod",
      spec: {
        hostNetwork: true,
        initContainers: [container("i", { ports: [{ containerPort: 9000 }] })],
        containers: [
          container("c", { ports: [{ containerPort: 8080 }, { containerPort: 81, hostPort: 81 }] }),
        ],
      },
    },
  ],
  [
    "AppArmor annotation equal to the pod-level profile is not copied",
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { annotations: { "container.apparmor.security.beta.kubernetes.io/c": "unconfined" } },
      spec: { securityContext: { appArmorProfile: { type: "Unconfined" } }, containers: [container("c")] },
    },
  ],
  [
    "volume without a source defaults to emptyDir",
    {
      apiVersion: "v1",
      kind: "Pod",
      spec: { volumes: [{ name: "v" }], containers: [container("c")] },
    },
  ],
];
const concurrency = 4;

let cp: ControlPlane;
beforeAll(async () => {
  cp = await startControlPlane();
});
afterAll(async () => {
  await cp?.stop();
});

interface Case {
  level: PssLevel;
  version: PssVersion;
  file: string;
  pod: Record<string, unknown>;
}

function casesFor(level: PssLevel, version: PssVersion): Case[] {
  const cases: Case[] = [];
  for (const expectation of ["pass", "fail"]) {
    const dir = join(corpus, level, version, expectation);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith(".yaml")) continue;
      const file = join(dir, name);
      cases.push({ level, version, file, pod: parse(readFileSync(file, "utf8")) as Record<string, unknown> });
    }
  }
  return cases;
}

async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

const deniedBy = /violates PodSecurity "[a-z]+:[^"]+": (.*)$/s;

describe("Pod Security: offline evaluation equals the real admission", () => {
  it("gives the apiserver's verdict and wording for every fixture of every version up to the server's", async () => {
    const serverMinor = Number(/^v1\.(\d+)/.exec(cp.version)?.[1]);
    expect(Number.isInteger(serverMinor)).toBe(true);
    // Every version up to the server's: the whole corpus takes about a minute at this concurrency.
    const minors = Array.from({ length: serverMinor + 1 }, (_, m) => serverMinor - m);
    let comparisons = 0;
    let wordingCompared = 0;
    let rejectedByValidation = 0;
    const differences: string[] = [];
    const wordingDifferences: string[] = [];
    for (const minor of minors) {
      const version: PssVersion = `v1.${minor}`;
      for (const level of levels) {
        const namespace = await cp.newNamespace(
          {
            "pod-security.kubernetes.io/enforce": level,
            "pod-security.kubernetes.io/enforce-version": version,
          },
          `pss-${level.slice(0, 4)}-${minor}`,
        );
        const extras =
          minor === serverMinor ? extraPods.map(([file, pod]) => ({ level, version, file, pod })) : [];
        await pool([...casesFor(level, version), ...extras], concurrency, async (c) => {
          const ours = podSecurityVerdict(c.pod, { level, version });
          const metadata = { ...(c.pod["metadata"] as object), name: "test", namespace };
          const spec = { ...(c.pod["spec"] as object), serviceAccountName: "default" };
          const server = await cp.dryRunCreate({ ...c.pod, metadata, spec } as KubernetesObject);
          comparisons++;
          const denial = server.allowed ? undefined : deniedBy.exec(server.message)?.[1];
          if (!server.allowed && denial === undefined && server.code === 422) {
            // API validation refused the pod before admission ran (e.g. procMount Unmasked needs
            // hostUsers: false since v1.35): no Pod Security verdict to compare, but the cluster
            // refuses it, so offline must not call it allowed.
            rejectedByValidation++;
            if (ours.allowed) differences.push(`${c.file}: invalid for the apiserver, allowed offline`);
          } else if (!server.allowed && denial === undefined) {
            differences.push(`${c.file}: apiserver error ${server.code} ${server.message}`);
          } else if (server.allowed !== ours.allowed) {
            differences.push(
              `${c.file}: apiserver ${server.allowed ? "allowed" : `denied: ${denial}`}, offline ${ours.allowed ? "allowed" : `denied: ${ours.message}`}`,
            );
          } else if (denial !== undefined) {
            wordingCompared++;
            if (denial !== ours.message)
              wordingDifferences.push(`${c.file}:\n  apiserver: ${denial}\n  offline:   ${ours.message}`);
          }
        });
      }
    }
    console.log(
      `PSS differential against ${cp.version}: ${comparisons} comparisons over v1.0..v1.${serverMinor}; ` +
        `${rejectedByValidation} refused by API validation before admission; ` +
        `${differences.length} verdict differences; ${wordingDifferences.length} wording differences in ${wordingCompared} denials`,
    );
    for (const line of [...differences, ...wordingDifferences].slice(0, 20)) console.log(line);
    expect(differences).toEqual([]);
    expect(wordingDifferences).toEqual([]);
    expect(comparisons).toBeGreaterThan(4000);
  });
});
