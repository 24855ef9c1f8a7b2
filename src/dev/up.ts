/**
 * `bespoke dev up`: etcd, kube-apiserver and kube-controller-manager on free loopback ports, state
 * and logs in one directory. Either everything comes up and /readyz answers, or whatever was
 * started is stopped again and the state removed (logs stay, for the post-mortem).
 */
import { generateKeyPairSync, randomBytes, X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Codes } from "../core/codes.js";
import { BespokeInputError, diagnostic, type Diagnostic } from "../core/diagnostics.js";
import { resolveBinaries, type Binaries } from "./assets.js";
import { apiserverArgs, controllerManagerArgs, etcdArgs, LOOPBACK, type Ports } from "./flags.js";
import { renderKubeconfig, renderTokenFile } from "./kubeconfig.js";
import { COMPONENTS, ownedEntries, stateLayout, type Component, type StateLayout } from "./layout.js";
import { freePorts, httpsGet, isPortFree } from "./network.js";
import { isOurProcess, killNow, logTail, readPidFile, spawnServer, terminate } from "./processes.js";
import { writeFileAtomic, writeState } from "./state.js";
import type { KubeVersionRequest } from "./versions.js";

export const ADMIN_USER = "bespoke-admin";

export interface UpOptions {
  readonly dir: string;
  readonly version: KubeVersionRequest;
  /** Secure port of the apiserver; a free one when absent. */
  readonly port?: number;
  readonly env: NodeJS.ProcessEnv;
  readonly progress: (line: string) => void;
  readonly readyTimeoutMs?: number;
}

export interface DevCluster {
  readonly dir: string;
  readonly kubeconfig: string;
  readonly server: string;
  /** gitVersion reported by the running apiserver. */
  readonly version: string;
  readonly pids: Partial<Record<Component, number>>;
  readonly binaries: Binaries;
  readonly controllerManager: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fail = (d: Diagnostic): never => {
  throw new BespokeInputError([d]);
};

/** Running components of a previous `up` in `dir`; stale pid files are not counted. */
export function runningComponents(l: StateLayout): Component[] {
  return COMPONENTS.filter((c) => {
    const pid = readPidFile(l.pidFile(c));
    return pid !== undefined && isOurProcess(pid, l.dir);
  });
}

/** Removes what a crashed or killed earlier run left; returns whether there was anything. */
function clearStale(l: StateLayout): boolean {
  const stale = ownedEntries(l).filter((p) => existsSync(p) && !p.endsWith(".log"));
  for (const p of stale) rmSync(p, { recursive: true, force: true });
  return stale.length > 0;
}

async function choosePorts(requested: number | undefined, dir: string): Promise<Ports> {
  if (requested !== undefined && !(await isPortFree(requested))) {
    fail(
      diagnostic(
        Codes.devPortTaken,
        `port ${requested} on ${LOOPBACK} is already in use`,
        { file: dir },
        "pick another --port, or omit it to use a free one",
      ),
    );
  }
  // Ask for one spare so a requested port that the OS happens to hand out is never reused.
  const free = (await freePorts(4)).filter((p) => p !== requested);
  const [a, b, c, d] = free;
  if (a === undefined || b === undefined || c === undefined)
    throw new Error("could not find free loopback ports");
  return { apiserver: requested ?? a, etcdClient: b, etcdPeer: c, controllerManager: d ?? a };
}

function portInUse(log: string): boolean {
  return /address already in use|bind: address/i.test(log);
}

/** Waits until `probe` is true while `pid` stays alive; the died/timeout diagnostics name the log. */
async function waitFor(
  what: Component,
  pid: number,
  l: StateLayout,
  timeoutMs: number,
  probe: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isOurProcess(pid, l.dir)) {
      const tail = logTail(l.logFile(what));
      fail(
        diagnostic(
          portInUse(tail) ? Codes.devPortTaken : Codes.devStartFailed,
          `${what} exited during start-up:\n${tail}`,
          { file: l.logFile(what) },
          portInUse(tail)
            ? "a port was taken meanwhile; run `bespoke dev up` again"
            : `read ${l.logFile(what)}`,
        ),
      );
    }
    if (await probe().catch(() => false)) return;
    await sleep(250);
  }
  fail(
    diagnostic(
      Codes.devNotReady,
      `${what} did not become ready within ${Math.round(timeoutMs / 1000)} s:\n${logTail(l.logFile(what))}`,
      { file: l.logFile(what) },
      `read ${l.logFile(what)}; on a busy machine retry with more time`,
    ),
  );
}

export async function devUp(o: UpOptions): Promise<DevCluster> {
  const l = stateLayout(resolve(o.dir));
  const timeout = o.readyTimeoutMs ?? 120_000;
  mkdirSync(l.dir, { recursive: true });

  const running = runningComponents(l);
  if (running.length > 0) {
    fail(
      diagnostic(
        Codes.devAlreadyRunning,
        `a control plane is already running in ${l.dir} (${running.join(", ")})`,
        { file: l.state },
        `use it via ${l.kubeconfig}, or stop it with: bespoke dev down --dir ${l.dir}`,
      ),
    );
  }
  if (clearStale(l)) o.progress(`removed stale state of an earlier run in ${l.dir}`);

  const binaries = await resolveBinaries({ version: o.version, env: o.env, progress: o.progress });
  const ports = await choosePorts(o.port, l.dir);
  const server = `https://${LOOPBACK}:${ports.apiserver}`;

  mkdirSync(l.pki, { recursive: true, mode: 0o700 });
  mkdirSync(l.apiserverCertDir, { recursive: true });
  mkdirSync(l.controllerManagerCertDir, { recursive: true });
  const sa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  writeFileSync(l.serviceAccountKey, sa.privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  writeFileSync(l.serviceAccountPub, sa.publicKey.export({ type: "spki", format: "pem" }));
  const adminToken = randomBytes(24).toString("hex");
  const kcmToken = randomBytes(24).toString("hex");
  writeFileSync(
    l.tokens,
    renderTokenFile([
      { token: adminToken, user: ADMIN_USER, groups: ["system:masters"] },
      { token: kcmToken, user: "system:kube-controller-manager", groups: [] },
    ]),
    { mode: 0o600 },
  );

  // Children must not pick up the user's cluster by accident.
  const childEnv: NodeJS.ProcessEnv = { PATH: o.env.PATH ?? "/usr/bin:/bin", HOME: o.env.HOME ?? l.dir };
  const pids: Partial<Record<Component, number>> = {};
  const start = (c: Component, bin: string, args: string[]) => {
    const pid = spawnServer(bin, args, l.logFile(c), childEnv);
    pids[c] = pid;
    writeFileSync(l.pidFile(c), `${pid}\n`);
    return pid;
  };
  const record = (version: string) =>
    writeState(l, {
      kind: "bespoke-dev-control-plane",
      kubernetesVersion: version,
      server,
      ports,
      binaries: binaries.source,
      pids,
    });

  // Ctrl-C during start-up must not leave half a control plane behind either.
  const onSignal = (sig: NodeJS.Signals) => {
    for (const pid of Object.values(pids)) if (pid !== undefined) killNow(pid);
    clearStale(l);
    process.exit(sig === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    record(o.version.version);
    o.progress(`starting etcd on ${LOOPBACK}:${ports.etcdClient}`);
    const etcdPid = start("etcd", binaries.etcd, etcdArgs(l, ports));
    await waitFor("etcd", etcdPid, l, timeout, async () => {
      const r = await fetch(`http://${LOOPBACK}:${ports.etcdClient}/health`);
      return r.ok;
    });

    o.progress(`starting kube-apiserver on ${server}`);
    const apiPid = start("kube-apiserver", binaries.kubeApiserver, apiserverArgs(l, ports));
    await waitFor("kube-apiserver", apiPid, l, timeout, async () => {
      if (!existsSync(l.apiserverCert)) return false;
      const r = await httpsGet(`${server}/readyz`, readFileSync(l.apiserverCert, "utf8"), adminToken);
      return r.status === 200;
    });
    const caPem = caCertificates(readFileSync(l.apiserverCert, "utf8"));
    writeFileSync(l.rootCa, caPem);
    const version = (
      JSON.parse((await httpsGet(`${server}/version`, caPem, adminToken)).body) as { gitVersion: string }
    ).gitVersion;
    record(version);

    writeFileAtomic(l.kubeconfig, renderKubeconfig({ server, caPem, user: ADMIN_USER, token: adminToken }));
    let controllerManager = false;
    if (binaries.kubeControllerManager) {
      writeFileAtomic(
        l.controllerManagerKubeconfig,
        renderKubeconfig({ server, caPem, user: "system:kube-controller-manager", token: kcmToken }),
      );
      o.progress("starting kube-controller-manager");
      const kcmPid = start(
        "kube-controller-manager",
        binaries.kubeControllerManager,
        controllerManagerArgs(l, ports),
      );
      // The serviceaccount controller creating `default` proves the controllers run and can write.
      await waitFor("kube-controller-manager", kcmPid, l, timeout, async () => {
        const r = await httpsGet(
          `${server}/api/v1/namespaces/default/serviceaccounts/default`,
          caPem,
          adminToken,
        );
        return r.status === 200;
      });
      controllerManager = true;
    } else {
      o.progress(
        `no kube-controller-manager in ${binaries.source}: garbage collection, namespace deletion and default ServiceAccounts are off`,
      );
    }
    record(version);
    return { dir: l.dir, kubeconfig: l.kubeconfig, server, version, pids, binaries, controllerManager };
  } catch (err) {
    await stopAll(l, pids);
    throw err;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/**
 * kube-apiserver writes its self-signed leaf followed by the CA that signed it; trust roots must
 * hold only the CA (the controller-manager's ClusterTrustBundle publisher rejects a leaf).
 */
export function caCertificates(bundle: string): string {
  const blocks = bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const cas = blocks.filter((pem) => new X509Certificate(pem).ca);
  if (cas.length === 0) throw new Error("the apiserver's certificate bundle holds no CA certificate");
  return cas.join("\n") + "\n";
}

/** Stops what this run started (newest first) and removes its state, keeping logs. */
async function stopAll(l: StateLayout, pids: Partial<Record<Component, number>>): Promise<void> {
  for (const c of [...COMPONENTS].reverse()) {
    const pid = pids[c];
    if (pid !== undefined && isOurProcess(pid, l.dir)) await terminate(pid, 5_000);
  }
  clearStale(l);
}
