import type { Plan } from "../../plan/types.js";
import {
  auditPolicy,
  authenticationConfiguration,
  auditPolicyPath,
  authenticationConfigPath,
  encryptionConfigPath,
} from "../../guardrails/apiserver.js";
import { managedBy, type KubeObject } from "../../guardrails/types.js";
import { dnsLabel } from "../../core/names.js";
import {
  clusterConfigurationSpec,
  controlPlaneEndpoint,
  kubeProxyReplaced,
  kubernetesPatch,
  podSubnet,
  serviceSubnet,
} from "./kubeadm.js";
import { ssoFor, wantsAudit } from "./control-plane.js";
import { toYaml } from "../yaml.js";

export const capiNamespace = "default";
const core = "cluster.x-k8s.io";
const infra = "infrastructure.cluster.x-k8s.io";
const placeholder = (what: string) => `REPLACE-${what}`;

interface Provider {
  readonly apiVersion: string;
  readonly clusterKind: string;
  readonly templateKind: string;
  readonly clusterSpec: Record<string, unknown>;
  readonly machineSpec: (role: "control-plane" | "worker") => Record<string, unknown>;
}

function provider(plan: Plan): Provider {
  const ep = controlPlaneEndpoint(plan);
  switch (plan.facts.infrastructureProvider) {
    case "openstack":
      return {
        apiVersion: `${infra}/v1beta1`,
        clusterKind: "OpenStackCluster",
        templateKind: "OpenStackMachineTemplate",
        clusterSpec: {
          identityRef: { type: "Secret", name: `${plan.platform}-cloud-config`, cloudName: "openstack" },
          apiServerLoadBalancer: { enabled: true },
          managedSubnets: [{ cidr: "10.6.0.0/24" }],
          // A name filter, not an id: the CRD requires a UUID there, which a placeholder is not.
          externalNetwork: { filter: { name: placeholder("EXTERNAL-NETWORK-NAME") } },
        },
        machineSpec: (role) => ({
          flavor: role === "control-plane" ? "m1.large" : "m1.xlarge",
          image: { filter: { name: placeholder("NODE-IMAGE-NAME") } },
          sshKeyName: placeholder("SSH-KEY-NAME"),
        }),
      };
    case "metal3":
      return {
        apiVersion: `${infra}/v1beta1`,
        clusterKind: "Metal3Cluster",
        templateKind: "Metal3MachineTemplate",
        clusterSpec: { controlPlaneEndpoint: ep },
        machineSpec: () => ({
          dataTemplate: { name: `${plan.platform}-data` },
          image: {
            url: placeholder("NODE-IMAGE-URL"),
            checksum: placeholder("NODE-IMAGE-CHECKSUM-URL"),
            checksumType: "sha256",
            format: "raw",
          },
        }),
      };
    default:
      return {
        apiVersion: `${infra}/v1beta2`,
        clusterKind: "VSphereCluster",
        templateKind: "VSphereMachineTemplate",
        clusterSpec: {
          server: placeholder("VCENTER-HOST"),
          controlPlaneEndpoint: ep,
          identityRef: { kind: "Secret", name: `${plan.platform}-vsphere-credentials` },
        },
        machineSpec: (role) => ({
          template: placeholder("VM-TEMPLATE"),
          datacenter: placeholder("DATACENTER"),
          datastore: placeholder("DATASTORE"),
          folder: placeholder("FOLDER"),
          server: placeholder("VCENTER-HOST"),
          cloneMode: "linkedClone",
          numCPUs: role === "control-plane" ? 4 : 8,
          memoryMiB: role === "control-plane" ? 8192 : 16384,
          diskGiB: 80,
          network: { devices: [{ networkName: placeholder("VM-NETWORK"), dhcp4: true }] },
        }),
      };
  }
}

function meta(name: string): KubeObject["metadata"] {
  return { name: dnsLabel(name), namespace: capiNamespace, labels: { ...managedBy } };
}

/**
 * Cluster API manifests (core objects in v1beta2, matching the CRDs Cluster API serves) for the plan's
 * infrastructure provider. The encryption key comes from a Secret created out of band, never from git.
 */
export function clusterApiObjects(plan: Plan): { file: string; objects: KubeObject[] }[] {
  const name = dnsLabel(plan.platform);
  const p = provider(plan);
  const version = kubernetesPatch(plan);
  const sizes = { SUP: [1, 2, 5], MBU: [3, 3, 10], ENT: [3, 5, 50] }[plan.targetGroup];
  const [cpReplicas, workers, maxWorkers] = sizes as [number, number, number];
  const autoscaled = plan.components.some((c) => c.id === "cluster-autoscaler");
  const files: { path: string; content: string; permissions: string }[] = [];
  if (wantsAudit(plan))
    files.push({ path: auditPolicyPath, content: toYaml(auditPolicy()), permissions: "0600" });
  const sso = ssoFor(plan);
  if (sso)
    files.push({
      path: authenticationConfigPath,
      content: toYaml(authenticationConfiguration(sso)),
      permissions: "0600",
    });
  const kubeadmFiles = [
    ...files.map((f) => ({ ...f, owner: "root:root" })),
    {
      path: encryptionConfigPath,
      owner: "root:root",
      permissions: "0600",
      contentFrom: { secret: { name: `${name}-encryption-config`, key: "encryption-config.yaml" } },
    },
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
  const skip = kubeProxyReplaced(plan) ? { skipPhases: ["addon/kube-proxy"] } : {};
  const workerGroup = `${name}-workers`;

  const cluster: KubeObject = {
    apiVersion: `${core}/v1beta2`,
    kind: "Cluster",
    metadata: meta(name),
    spec: {
      clusterNetwork: { pods: { cidrBlocks: [podSubnet] }, services: { cidrBlocks: [serviceSubnet] } },
      controlPlaneRef: {
        apiGroup: `controlplane.${core}`,
        kind: "KubeadmControlPlane",
        name: `${name}-control-plane`,
      },
      infrastructureRef: { apiGroup: infra, kind: p.clusterKind, name },
    },
  };
  const infraCluster: KubeObject = {
    apiVersion: p.apiVersion,
    kind: p.clusterKind,
    metadata: meta(name),
    spec: p.clusterSpec,
  };
  const cpTemplate: KubeObject = {
    apiVersion: p.apiVersion,
    kind: p.templateKind,
    metadata: meta(`${name}-control-plane`),
    spec: { template: { spec: p.machineSpec("control-plane") } },
  };
  const workerTemplate: KubeObject = {
    apiVersion: p.apiVersion,
    kind: p.templateKind,
    metadata: meta(workerGroup),
    spec: { template: { spec: p.machineSpec("worker") } },
  };
  const kcp: KubeObject = {
    apiVersion: `controlplane.${core}/v1beta2`,
    kind: "KubeadmControlPlane",
    metadata: meta(`${name}-control-plane`),
    spec: {
      replicas: cpReplicas,
      version,
      machineTemplate: {
        spec: { infrastructureRef: { apiGroup: infra, kind: p.templateKind, name: `${name}-control-plane` } },
      },
      kubeadmConfigSpec: {
        clusterConfiguration: clusterConfigurationSpec(plan),
        files: kubeadmFiles,
        initConfiguration: {
          nodeRegistration: { criSocket: "unix:///run/containerd/containerd.sock" },
          ...skip,
        },
        joinConfiguration: { nodeRegistration: { criSocket: "unix:///run/containerd/containerd.sock" } },
      },
    },
  };
  const kct: KubeObject = {
    apiVersion: `bootstrap.${core}/v1beta2`,
    kind: "KubeadmConfigTemplate",
    metadata: meta(workerGroup),
    spec: {
      template: {
        spec: {
          joinConfiguration: { nodeRegistration: { criSocket: "unix:///run/containerd/containerd.sock" } },
        },
      },
    },
  };
  const md: KubeObject = {
    apiVersion: `${core}/v1beta2`,
    kind: "MachineDeployment",
    metadata: {
      ...meta(workerGroup),
      // The cluster-autoscaler's clusterapi provider scales node groups between these bounds.
      ...(autoscaled
        ? {
            annotations: {
              "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size": String(workers),
              "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size": String(maxWorkers),
            },
          }
        : {}),
    },
    spec: {
      clusterName: name,
      // With the autoscaler, replicas is left to it: setting it here would fight every scale-up on sync.
      ...(autoscaled ? {} : { replicas: workers }),
      selector: { matchLabels: { [`${core}/deployment-name`]: workerGroup } },
      template: {
        metadata: { labels: { [`${core}/deployment-name`]: workerGroup } },
        spec: {
          clusterName: name,
          version,
          bootstrap: {
            configRef: { apiGroup: `bootstrap.${core}`, kind: "KubeadmConfigTemplate", name: workerGroup },
          },
          infrastructureRef: { apiGroup: infra, kind: p.templateKind, name: workerGroup },
        },
      },
    },
  };
  const mhc: KubeObject = {
    apiVersion: `${core}/v1beta2`,
    kind: "MachineHealthCheck",
    metadata: meta(workerGroup),
    spec: {
      clusterName: name,
      selector: { matchLabels: { [`${core}/deployment-name`]: workerGroup } },
      checks: {
        nodeStartupTimeoutSeconds: 900,
        unhealthyNodeConditions: [
          { type: "Ready", status: "Unknown", timeoutSeconds: 300 },
          { type: "Ready", status: "False", timeoutSeconds: 300 },
        ],
      },
      remediation: { triggerIf: { unhealthyLessThanOrEqualTo: "40%" } },
    },
  };
  return [
    { file: "cluster.yaml", objects: [cluster, infraCluster] },
    { file: "control-plane.yaml", objects: [cpTemplate, kcp] },
    { file: "workers.yaml", objects: [workerTemplate, kct, md] },
    { file: "health-checks.yaml", objects: [mhc] },
  ];
}
