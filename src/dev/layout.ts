/**
 * Where a running dev control plane keeps its files. Pure path arithmetic, so `up`, `down`,
 * `status` and the test harness agree on names without sharing state.
 */
import { join } from "node:path";

export const COMPONENTS = ["etcd", "kube-apiserver", "kube-controller-manager"] as const;
export type Component = (typeof COMPONENTS)[number];

export interface StateLayout {
  readonly dir: string;
  /** Marker that this directory belongs to `bespoke dev`; `down` removes nothing without it. */
  readonly state: string;
  readonly kubeconfig: string;
  readonly controllerManagerKubeconfig: string;
  readonly tokens: string;
  readonly pki: string;
  readonly serviceAccountKey: string;
  readonly serviceAccountPub: string;
  /** kube-apiserver writes its self-signed serving cert here (apiserver.crt = leaf + CA). */
  readonly apiserverCertDir: string;
  readonly apiserverCert: string;
  /** Only the CA certificate(s) of apiserver.crt: the trust root handed to clients and pods. */
  readonly rootCa: string;
  readonly controllerManagerCertDir: string;
  readonly etcdData: string;
  readonly pidFile: (c: Component) => string;
  readonly logFile: (c: Component) => string;
}

export function stateLayout(dir: string): StateLayout {
  const pki = join(dir, "pki");
  return {
    dir,
    state: join(dir, "state.json"),
    kubeconfig: join(dir, "kubeconfig"),
    controllerManagerKubeconfig: join(pki, "controller-manager.kubeconfig"),
    tokens: join(pki, "tokens.csv"),
    pki,
    serviceAccountKey: join(pki, "sa.key"),
    serviceAccountPub: join(pki, "sa.pub"),
    apiserverCertDir: join(pki, "apiserver"),
    apiserverCert: join(pki, "apiserver", "apiserver.crt"),
    rootCa: join(pki, "ca.crt"),
    controllerManagerCertDir: join(pki, "controller-manager"),
    etcdData: join(dir, "etcd-data"),
    pidFile: (c) => join(dir, `${c}.pid`),
    logFile: (c) => join(dir, `${c}.log`),
  };
}

/** Everything `down` deletes; logs go too, the directory itself only when then empty. */
export function ownedEntries(l: StateLayout): readonly string[] {
  return [
    l.state,
    l.kubeconfig,
    l.pki,
    l.etcdData,
    ...COMPONENTS.map(l.pidFile),
    ...COMPONENTS.map(l.logFile),
  ];
}
