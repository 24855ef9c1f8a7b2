import type { CatalogEntryInput } from "../schema.js";
import alloy from "./alloy.js";
import argocd from "./argocd.js";
import calico from "./calico.js";
import certManager from "./cert-manager.js";
import cilium from "./cilium.js";
import clusterApi from "./cluster-api.js";
import clusterApiMetal3 from "./cluster-api-metal3.js";
import clusterApiOpenstack from "./cluster-api-openstack.js";
import clusterApiVsphere from "./cluster-api-vsphere.js";
import clusterAutoscaler from "./cluster-autoscaler.js";
import elasticsearch from "./elasticsearch.js";
import envoyGateway from "./envoy-gateway.js";
import flatcar from "./flatcar.js";
import fluentBit from "./fluent-bit.js";
import flux from "./flux.js";
import gatekeeper from "./gatekeeper.js";
import gatewayApiCrds from "./gateway-api-crds.js";
import haproxy from "./haproxy.js";
import ingressNginx from "./ingress-nginx.js";
import kubePrometheusStack from "./kube-prometheus-stack.js";
import kubeStateMetrics from "./kube-state-metrics.js";
import kubeadm from "./kubeadm.js";
import kubespray from "./kubespray.js";
import kyverno from "./kyverno.js";
import loki from "./loki.js";
import longhorn from "./longhorn.js";
import metal3 from "./metal3.js";
import metricsServer from "./metrics-server.js";
import mutatingAdmissionPolicy from "./mutating-admission-policy.js";
import opensearch from "./opensearch.js";
import podSecurityAdmission from "./pod-security-admission.js";
import podsecuritypolicy from "./podsecuritypolicy.js";
import promtail from "./promtail.js";
import rookCeph from "./rook-ceph.js";
import traefik from "./traefik.js";
import ubuntu from "./ubuntu.js";
import validatingAdmissionPolicy from "./validating-admission-policy.js";
import velero from "./velero.js";
import weaveNet from "./weave-net.js";

/** Every catalog entry, sorted by id. One data module per component; this list is the only registry. */
export const catalogData: readonly CatalogEntryInput[] = [
  alloy,
  argocd,
  calico,
  certManager,
  cilium,
  clusterApi,
  clusterApiMetal3,
  clusterApiOpenstack,
  clusterApiVsphere,
  clusterAutoscaler,
  elasticsearch,
  envoyGateway,
  flatcar,
  fluentBit,
  flux,
  gatekeeper,
  gatewayApiCrds,
  haproxy,
  ingressNginx,
  kubePrometheusStack,
  kubeStateMetrics,
  kubeadm,
  kubespray,
  kyverno,
  loki,
  longhorn,
  metal3,
  metricsServer,
  mutatingAdmissionPolicy,
  opensearch,
  podSecurityAdmission,
  podsecuritypolicy,
  promtail,
  rookCeph,
  traefik,
  ubuntu,
  validatingAdmissionPolicy,
  velero,
  weaveNet,
];
