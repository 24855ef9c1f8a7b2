import type { GroupVersionKind, GroupVersionResource, KubeObject } from "./types.js";

/**
 * Kind → resource for built-in kinds, so objects read from files can be matched against
 * `resourceRules` (which name resources, not kinds). Custom kinds fall back to the lower-case
 * plural the apiserver would default to (`Foo` → `foos`, `Policy` → `policies`).
 */
const BUILTIN: Record<string, [group: string, resource: string, namespaced: boolean]> = {
  Binding: ["", "bindings", true],
  ConfigMap: ["", "configmaps", true],
  Endpoints: ["", "endpoints", true],
  Event: ["", "events", true],
  LimitRange: ["", "limitranges", true],
  Namespace: ["", "namespaces", false],
  Node: ["", "nodes", false],
  PersistentVolume: ["", "persistentvolumes", false],
  PersistentVolumeClaim: ["", "persistentvolumeclaims", true],
  Pod: ["", "pods", true],
  PodTemplate: ["", "podtemplates", true],
  ReplicationController: ["", "replicationcontrollers", true],
  ResourceQuota: ["", "resourcequotas", true],
  Secret: ["", "secrets", true],
  Service: ["", "services", true],
  ServiceAccount: ["", "serviceaccounts", true],
  ControllerRevision: ["apps", "controllerrevisions", true],
  DaemonSet: ["apps", "daemonsets", true],
  Deployment: ["apps", "deployments", true],
  ReplicaSet: ["apps", "replicasets", true],
  StatefulSet: ["apps", "statefulsets", true],
  HorizontalPodAutoscaler: ["autoscaling", "horizontalpodautoscalers", true],
  CronJob: ["batch", "cronjobs", true],
  Job: ["batch", "jobs", true],
  Lease: ["coordination.k8s.io", "leases", true],
  EndpointSlice: ["discovery.k8s.io", "endpointslices", true],
  Ingress: ["networking.k8s.io", "ingresses", true],
  IngressClass: ["networking.k8s.io", "ingressclasses", false],
  NetworkPolicy: ["networking.k8s.io", "networkpolicies", true],
  PodDisruptionBudget: ["policy", "poddisruptionbudgets", true],
  ClusterRole: ["rbac.authorization.k8s.io", "clusterroles", false],
  ClusterRoleBinding: ["rbac.authorization.k8s.io", "clusterrolebindings", false],
  Role: ["rbac.authorization.k8s.io", "roles", true],
  RoleBinding: ["rbac.authorization.k8s.io", "rolebindings", true],
  PriorityClass: ["scheduling.k8s.io", "priorityclasses", false],
  CSIDriver: ["storage.k8s.io", "csidrivers", false],
  StorageClass: ["storage.k8s.io", "storageclasses", false],
  VolumeAttachment: ["storage.k8s.io", "volumeattachments", false],
  CustomResourceDefinition: ["apiextensions.k8s.io", "customresourcedefinitions", false],
  MutatingWebhookConfiguration: ["admissionregistration.k8s.io", "mutatingwebhookconfigurations", false],
  ValidatingWebhookConfiguration: ["admissionregistration.k8s.io", "validatingwebhookconfigurations", false],
  ValidatingAdmissionPolicy: ["admissionregistration.k8s.io", "validatingadmissionpolicies", false],
  ValidatingAdmissionPolicyBinding: [
    "admissionregistration.k8s.io",
    "validatingadmissionpolicybindings",
    false,
  ],
  APIService: ["apiregistration.k8s.io", "apiservices", false],
  CertificateSigningRequest: ["certificates.k8s.io", "certificatesigningrequests", false],
  RuntimeClass: ["node.k8s.io", "runtimeclasses", false],
  FlowSchema: ["flowcontrol.apiserver.k8s.io", "flowschemas", false],
  PriorityLevelConfiguration: ["flowcontrol.apiserver.k8s.io", "prioritylevelconfigurations", false],
  HTTPRoute: ["gateway.networking.k8s.io", "httproutes", true],
  Gateway: ["gateway.networking.k8s.io", "gateways", true],
  GatewayClass: ["gateway.networking.k8s.io", "gatewayclasses", false],
  GRPCRoute: ["gateway.networking.k8s.io", "grpcroutes", true],
};

export function gvkOf(object: KubeObject): GroupVersionKind {
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
  const slash = apiVersion.indexOf("/");
  return {
    group: slash < 0 ? "" : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind: typeof object.kind === "string" ? object.kind : "",
  };
}

function plural(kind: string): string {
  const lower = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(lower)) return lower + "es";
  if (/[^aeiou]y$/.test(lower)) return lower.slice(0, -1) + "ies";
  return lower + "s";
}

export function resourceOf(gvk: GroupVersionKind): GroupVersionResource {
  const known = BUILTIN[gvk.kind];
  if (known !== undefined && known[0] === gvk.group) {
    return { group: gvk.group, version: gvk.version, resource: known[1] };
  }
  return { group: gvk.group, version: gvk.version, resource: plural(gvk.kind) };
}

/** Whether a kind is cluster-scoped; kinds we do not know are taken as namespaced. */
export function isClusterScoped(gvk: GroupVersionKind): boolean {
  const known = BUILTIN[gvk.kind];
  return known !== undefined && known[0] === gvk.group && !known[2];
}
