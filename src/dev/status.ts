/** `bespoke dev status`: which servers of a dev control plane run, and whether the apiserver is ready. */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { COMPONENTS, stateLayout, type Component } from "./layout.js";
import { httpsGet } from "./network.js";
import { isOurProcess, readPidFile } from "./processes.js";
import { readState } from "./state.js";

export interface ComponentStatus {
  readonly name: Component;
  readonly pid?: number;
  readonly running: boolean;
}

export interface DevStatus {
  readonly dir: string;
  readonly present: boolean;
  readonly server?: string;
  readonly kubeconfig?: string;
  readonly version?: string;
  readonly ready: boolean;
  readonly components: readonly ComponentStatus[];
}

interface KubeconfigShape {
  clusters?: { cluster?: { "certificate-authority-data"?: string } }[];
  users?: { user?: { token?: string } }[];
}

export async function devStatus(dir: string): Promise<DevStatus> {
  const l = stateLayout(resolve(dir));
  const state = readState(l);
  const components = COMPONENTS.map((name): ComponentStatus => {
    const pid = readPidFile(l.pidFile(name));
    return pid === undefined ? { name, running: false } : { name, pid, running: isOurProcess(pid, l.dir) };
  });
  if (!state) return { dir: l.dir, present: false, ready: false, components };
  let ready = false;
  if (existsSync(l.kubeconfig) && components.find((c) => c.name === "kube-apiserver")?.running) {
    const kc = parse(readFileSync(l.kubeconfig, "utf8")) as KubeconfigShape;
    const ca = kc.clusters?.[0]?.cluster?.["certificate-authority-data"];
    const token = kc.users?.[0]?.user?.token ?? "";
    const caPem = ca ? Buffer.from(ca, "base64").toString("utf8") : undefined;
    ready = await httpsGet(`${state.server}/readyz`, caPem, token)
      .then((r) => r.status === 200)
      .catch(() => false);
  }
  return {
    dir: l.dir,
    present: true,
    server: state.server,
    kubeconfig: l.kubeconfig,
    version: state.kubernetesVersion,
    ready,
    components,
  };
}
