/**
 * Command lines of the three servers. Pure, so a unit test pins what "a real cluster's setup"
 * means here: secure port on loopback, RBAC + Node authorization, service-account keys, the
 * default admission chain (which includes PodSecurity and ValidatingAdmissionPolicy) plus
 * NodeRestriction, and a controller-manager running every default controller.
 */
import type { StateLayout } from "./layout.js";

export interface Ports {
  readonly apiserver: number;
  readonly etcdClient: number;
  readonly etcdPeer: number;
  readonly controllerManager: number;
}

export const LOOPBACK = "127.0.0.1";
export const SERVICE_CIDR = "10.96.0.0/16";
export const SERVICE_ACCOUNT_ISSUER = "https://kubernetes.default.svc.cluster.local";

export function etcdArgs(l: StateLayout, p: Ports): string[] {
  const client = `http://${LOOPBACK}:${p.etcdClient}`;
  const peer = `http://${LOOPBACK}:${p.etcdPeer}`;
  return [
    "--name=bespoke-dev",
    `--data-dir=${l.etcdData}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=bespoke-dev=${peer}`,
    // A throwaway dev/test store: durability is not worth the fsync latency on a shared disk.
    "--unsafe-no-fsync=true",
    "--log-level=warn",
  ];
}

export function apiserverArgs(l: StateLayout, p: Ports): string[] {
  return [
    `--etcd-servers=http://${LOOPBACK}:${p.etcdClient}`,
    `--bind-address=${LOOPBACK}`,
    `--advertise-address=${LOOPBACK}`,
    // The `kubernetes` Service endpoints may not point at loopback; nothing in-cluster needs them here.
    "--endpoint-reconciler-type=none",
    `--secure-port=${p.apiserver}`,
    `--cert-dir=${l.apiserverCertDir}`,
    `--token-auth-file=${l.tokens}`,
    "--authorization-mode=RBAC,Node",
    // Added to the defaults (NamespaceLifecycle, ServiceAccount, PodSecurity,
    // ValidatingAdmissionPolicy, webhooks, quotas, ...), as kubeadm does.
    "--enable-admission-plugins=NodeRestriction",
    // Real clusters allow privileged pods at the apiserver; Pod Security decides per namespace.
    "--allow-privileged=true",
    `--service-cluster-ip-range=${SERVICE_CIDR}`,
    `--service-account-issuer=${SERVICE_ACCOUNT_ISSUER}`,
    `--service-account-key-file=${l.serviceAccountPub}`,
    `--service-account-signing-key-file=${l.serviceAccountKey}`,
    `--api-audiences=${SERVICE_ACCOUNT_ISSUER}`,
    "--profiling=false",
  ];
}

export function controllerManagerArgs(l: StateLayout, p: Ports): string[] {
  return [
    `--kubeconfig=${l.controllerManagerKubeconfig}`,
    `--bind-address=${LOOPBACK}`,
    `--secure-port=${p.controllerManager}`,
    `--cert-dir=${l.controllerManagerCertDir}`,
    // Every default controller: garbage collector, namespace, serviceaccount, token, ...
    "--controllers=*",
    "--leader-elect=false",
    `--root-ca-file=${l.rootCa}`,
    `--service-account-private-key-file=${l.serviceAccountKey}`,
    `--service-cluster-ip-range=${SERVICE_CIDR}`,
    // One identity per controller with its bootstrap role, as kubeadm clusters run it.
    "--use-service-account-credentials=true",
    "--profiling=false",
  ];
}
