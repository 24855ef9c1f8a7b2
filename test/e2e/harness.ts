/**
 * E2E harness: a real kube-apiserver + etcd + kube-controller-manager per test file.
 *
 * Usage (one control plane per file; files run one after another):
 *
 *   import { afterAll, beforeAll, expect, it } from "vitest";
 *   import { startControlPlane, type ControlPlane } from "./harness.js";
 *
 *   let cp: ControlPlane;
 *   beforeAll(async () => { cp = await startControlPlane(); });
 *   afterAll(async () => { await cp?.stop(); });
 *
 *   it("denies a privileged pod under restricted", async () => {
 *     const ns = await cp.newNamespace({ "pod-security.kubernetes.io/enforce": "restricted" });
 *     const v = await cp.dryRunCreate({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: ns }, spec });
 *     expect(v.allowed).toBe(false);                        // Verdict: { allowed: true, object } |
 *     if (!v.allowed) expect(v.message).toMatch(/violates PodSecurity/); // { allowed: false, code, reason, message }
 *   });
 *
 * What a ControlPlane offers:
 *   kubeconfigPath, kubeConfig (KubeConfig), core (CoreV1Api), objects (KubernetesObjectApi), version
 *   raw (RawKubeClient)                    sends objects exactly as given; all helpers below use it
 *   dryRunCreate(obj) / dryRunApply(obj)   server-side dry-run (admission + schema), answered as a Verdict
 *   apply(obj)                             server-side apply for real (force, field manager "bespoke")
 *   read(obj) / remove(obj)                the live object or undefined; delete with background propagation
 *   createNamespace(name, labels?)         creates it (or updates its labels) and waits for its default ServiceAccount
 *   newNamespace(labels?, prefix?)         the same with a fresh name per call: one namespace per test
 *   installCorpusCrds()                    the 43 upstream CRDs of ../shared/corpus/crds, waits for Established
 *   stop()                                 stops the servers and removes the state (also on process exit)
 * Free functions with the same names take the ControlPlane first, for helpers written elsewhere.
 * Send objects through these helpers, not through `objects`: KubernetesObjectApi re-serialises
 * built-in kinds via its models and silently drops fields it does not know (see src/kube/raw.ts).
 *
 * Binaries: the e2e globalSetup (test/e2e/setup.ts) builds or reuses them once per run; set
 * BESPOKE_KEEP_CONTROL_PLANE=1 to keep state and logs of a failed file for inspection.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CoreV1Api, KubeConfig, KubernetesObjectApi, type KubernetesObject } from "@kubernetes/client-node";
import { parseAllDocuments } from "yaml";
import { devDown } from "../../src/dev/down.js";
import { killNow } from "../../src/dev/processes.js";
import { devUp, type DevCluster } from "../../src/dev/up.js";
import { DEFAULT_KUBE_VERSION, isDiagnostic, parseKubeVersion } from "../../src/dev/versions.js";
import { installCrds } from "../../src/kube/crds.js";
import {
  dryRunApply,
  dryRunCreate as dryRunCreateWith,
  readIfExists,
  remove,
  serverSideApply,
  type Verdict,
} from "../../src/kube/objects.js";
import { RawKubeClient } from "../../src/kube/raw.js";

export type { Verdict } from "../../src/kube/objects.js";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** CI clones the repo with shared/ beside it; here that is /work/shared. */
export const CORPUS_DIR = process.env.BESPOKE_CORPUS_DIR ?? resolve(REPO_ROOT, "../shared/corpus");
export const CORPUS_CRDS_DIR = join(CORPUS_DIR, "crds");

export interface ControlPlane {
  readonly dir: string;
  readonly kubeconfigPath: string;
  readonly kubeConfig: KubeConfig;
  readonly raw: RawKubeClient;
  /** Typed convenience for reads; do not use it to send objects under test (see above). */
  readonly objects: KubernetesObjectApi;
  readonly core: CoreV1Api;
  /** gitVersion the apiserver reports, e.g. v1.37.2. */
  readonly version: string;
  readonly controllerManager: boolean;
  /** kubectl of the same release, when the binaries include it. */
  readonly kubectl: string | undefined;
  dryRunCreate(obj: KubernetesObject): Promise<Verdict>;
  dryRunApply(obj: KubernetesObject): Promise<Verdict>;
  apply(obj: KubernetesObject): Promise<KubernetesObject>;
  read(obj: KubernetesObject): Promise<KubernetesObject | undefined>;
  remove(obj: KubernetesObject): Promise<void>;
  createNamespace(name: string, labels?: Record<string, string>): Promise<string>;
  newNamespace(labels?: Record<string, string>, prefix?: string): Promise<string>;
  installCorpusCrds(): Promise<string[]>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Kubernetes release (default: the one `bespoke dev up` runs). */
  readonly kubeVersion?: string;
  /** Install the corpus CRDs before returning. */
  readonly crds?: boolean;
}

const live = new Map<string, DevCluster>();
let exitHookInstalled = false;

/** Last line of defence when afterAll never runs (crash, timeout, Ctrl-C): kill at once, synchronously. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const c of live.values()) {
      for (const pid of Object.values(c.pids)) if (pid !== undefined) killNow(pid);
      if (!process.env.BESPOKE_KEEP_CONTROL_PLANE) rmSync(c.dir, { recursive: true, force: true });
    }
    live.clear();
  };
  process.on("exit", killAll);
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      killAll();
      process.exit(128 + (sig === "SIGINT" ? 2 : 15));
    });
  }
}

export async function startControlPlane(opts: StartOptions = {}): Promise<ControlPlane> {
  const version = parseKubeVersion(opts.kubeVersion ?? DEFAULT_KUBE_VERSION);
  if (isDiagnostic(version)) throw new Error(version.message);
  const root = process.env.BESPOKE_E2E_ROOT ?? tmpdir();
  const dir = mkdtempSync(join(root, "cp-"));
  installExitHook();
  let cluster: DevCluster;
  try {
    cluster = await devUp({
      dir,
      version,
      env: process.env,
      progress: (line) => process.stderr.write(`[control-plane] ${line}\n`),
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  live.set(dir, cluster);

  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(cluster.kubeconfig);
  const objects = KubernetesObjectApi.makeApiClient(kubeConfig);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const raw = new RawKubeClient(kubeConfig);
  let counter = 0;

  const cp: ControlPlane = {
    dir,
    kubeconfigPath: cluster.kubeconfig,
    kubeConfig,
    raw,
    objects,
    core,
    version: cluster.version,
    controllerManager: cluster.controllerManager,
    kubectl: cluster.binaries.kubectl,
    dryRunCreate: (obj) => dryRunCreateWith(raw, obj),
    dryRunApply: (obj) => dryRunApply(raw, obj),
    apply: (obj) => serverSideApply(raw, obj),
    read: (obj) => readIfExists(raw, obj),
    remove: (obj) => remove(raw, obj),
    createNamespace: (name, labels = {}) => createNamespace(cp, name, labels),
    newNamespace: (labels = {}, prefix = "t") =>
      createNamespace(cp, `${prefix}-${process.pid}-${++counter}`, labels),
    installCorpusCrds: () => installCorpusCrds(cp),
    async stop() {
      if (!live.delete(dir)) return;
      await devDown(dir, Boolean(process.env.BESPOKE_KEEP_CONTROL_PLANE));
    },
  };
  if (opts.crds) await cp.installCorpusCrds();
  return cp;
}

export function dryRunCreate(cp: ControlPlane, obj: KubernetesObject): Promise<Verdict> {
  return cp.dryRunCreate(obj);
}

/**
 * Creates (or relabels) a namespace and waits for its `default` ServiceAccount, without which the
 * ServiceAccount admission plugin rejects every pod, even in dry-run.
 */
export async function createNamespace(
  cp: ControlPlane,
  name: string,
  labels: Record<string, string> = {},
): Promise<string> {
  await serverSideApply(cp.raw, { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });
  const sa = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: name } };
  for (let i = 0; i < 200; i++) {
    if (await readIfExists(cp.raw, sa)) return name;
    // With plain envtest assets no controller-manager creates it: do its job.
    if (!cp.controllerManager) await serverSideApply(cp.raw, sa);
    else await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`namespace ${name}: no default ServiceAccount after 20 s`);
}

/** Every CRD document under the corpus, in a stable order. */
export function loadCorpusCrds(dir = CORPUS_CRDS_DIR): KubernetesObject[] {
  if (!existsSync(dir))
    throw new Error(`CRD corpus not found at ${dir} (expected ../shared/corpus beside the repo)`);
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const crds: KubernetesObject[] = [];
  for (const f of files) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, f), "utf8"))) {
      const obj = doc.toJS() as KubernetesObject | null;
      if (obj?.kind === "CustomResourceDefinition") crds.push(obj);
    }
  }
  return crds;
}

export async function installCorpusCrds(cp: ControlPlane): Promise<string[]> {
  return installCrds(cp.raw, loadCorpusCrds());
}
