import { describe, expect, it } from "vitest";
import { apiserverArgs, controllerManagerArgs, etcdArgs, type Ports } from "../../src/dev/flags.js";
import { ownedEntries, stateLayout } from "../../src/dev/layout.js";

const l = stateLayout("/tmp/dev-x");
const ports: Ports = { apiserver: 6443, etcdClient: 2379, etcdPeer: 2380, controllerManager: 10257 };
const flag = (args: string[], name: string) =>
  args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));

describe("server command lines", () => {
  it("apiserver: loopback secure port, RBAC+Node, SA keys, PodSecurity and VAP not disabled", () => {
    const a = apiserverArgs(l, ports);
    expect(flag(a, "bind-address")).toEqual(["127.0.0.1"]);
    expect(flag(a, "secure-port")).toEqual(["6443"]);
    expect(flag(a, "authorization-mode")).toEqual(["RBAC,Node"]);
    expect(flag(a, "etcd-servers")).toEqual(["http://127.0.0.1:2379"]);
    expect(flag(a, "service-account-signing-key-file")).toEqual([l.serviceAccountKey]);
    expect(flag(a, "service-account-key-file")).toEqual([l.serviceAccountPub]);
    expect(flag(a, "cert-dir")).toEqual([l.apiserverCertDir]);
    // Admission as a real cluster has it: defaults stay on, nothing is switched off.
    expect(a.some((x) => x.startsWith("--disable-admission-plugins"))).toBe(false);
    expect(a.some((x) => x.startsWith("--admission-control="))).toBe(false);
    expect(flag(a, "enable-admission-plugins")).toEqual(["NodeRestriction"]);
  });

  it("every server mentions the state dir, which is how down recognises its processes", () => {
    for (const args of [etcdArgs(l, ports), apiserverArgs(l, ports), controllerManagerArgs(l, ports)]) {
      expect(args.some((x) => x.includes(l.dir))).toBe(true);
    }
  });

  it("controller-manager runs all default controllers with the keys the token controller needs", () => {
    const a = controllerManagerArgs(l, ports);
    expect(flag(a, "controllers")).toEqual(["*"]);
    expect(flag(a, "root-ca-file")).toEqual([l.rootCa]);
    expect(flag(a, "service-account-private-key-file")).toEqual([l.serviceAccountKey]);
    expect(flag(a, "secure-port")).toEqual(["10257"]);
    expect(flag(a, "bind-address")).toEqual(["127.0.0.1"]);
  });

  it("etcd listens on the chosen loopback ports only", () => {
    const a = etcdArgs(l, ports);
    expect(flag(a, "listen-client-urls")).toEqual(["http://127.0.0.1:2379"]);
    expect(flag(a, "listen-peer-urls")).toEqual(["http://127.0.0.1:2380"]);
    expect(flag(a, "data-dir")).toEqual([l.etcdData]);
  });

  it("down's list of owned entries stays inside the state dir", () => {
    for (const p of ownedEntries(l)) expect(p.startsWith(`${l.dir}/`)).toBe(true);
    expect(ownedEntries(l)).toContain(l.kubeconfig);
  });
});
