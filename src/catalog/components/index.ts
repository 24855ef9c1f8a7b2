import type { CatalogEntryInput } from "../schema.js";
import alloy from "./alloy.js";
import apiserverAuditPolicy from "./apiserver-audit-policy.js";
import argocd from "./argocd.js";
import buildah from "./buildah.js";
import buildkit from "./buildkit.js";
import calico from "./calico.js";
import certManager from "./cert-manager.js";
import cilium from "./cilium.js";
import clusterApi from "./cluster-api.js";
import clusterApiMetal3 from "./cluster-api-metal3.js";
import clusterApiOpenstack from "./cluster-api-openstack.js";
import clusterApiVsphere from "./cluster-api-vsphere.js";
import clusterAutoscaler from "./cluster-autoscaler.js";
import consul from "./consul.js";
import dex from "./dex.js";
import elasticsearch from "./elasticsearch.js";
import envoyGateway from "./envoy-gateway.js";
import externalDns from "./external-dns.js";
import externalSecrets from "./external-secrets.js";
import falco from "./falco.js";
import flatcar from "./flatcar.js";
import fluentBit from "./fluent-bit.js";
import flux from "./flux.js";
import gangway from "./gangway.js";
import gatekeeper from "./gatekeeper.js";
import gatewayApiCrds from "./gateway-api-crds.js";
import gitlabRunner from "./gitlab-runner.js";
import grafana from "./grafana.js";
import haproxy from "./haproxy.js";
import harbor from "./harbor.js";
import headlamp from "./headlamp.js";
import ingressNginx from "./ingress-nginx.js";
import istioAmbient from "./istio-ambient.js";
import jaeger from "./jaeger.js";
import jaegerV1 from "./jaeger-v1.js";
import jenkins from "./jenkins.js";
import kaniko from "./kaniko.js";
import keycloak from "./keycloak.js";
import kubePrometheusStack from "./kube-prometheus-stack.js";
import kubeStateMetrics from "./kube-state-metrics.js";
import kubeadm from "./kubeadm.js";
import kubelogin from "./kubelogin.js";
import kubernetesDashboard from "./kubernetes-dashboard.js";
import kubespray from "./kubespray.js";
import kyverno from "./kyverno.js";
import linkerd from "./linkerd.js";
import loki from "./loki.js";
import longhorn from "./longhorn.js";
import metal3 from "./metal3.js";
import metricsServer from "./metrics-server.js";
import mutatingAdmissionPolicy from "./mutating-admission-policy.js";
import octant from "./octant.js";
import openbao from "./openbao.js";
import opensearch from "./opensearch.js";
import opentelemetryCollector from "./opentelemetry-collector.js";
import podSecurityAdmission from "./pod-security-admission.js";
import podsecuritypolicy from "./podsecuritypolicy.js";
import promtail from "./promtail.js";
import rookCeph from "./rook-ceph.js";
import sops from "./sops.js";
import structuredAuthentication from "./structured-authentication.js";
import tekton from "./tekton.js";
import tempo from "./tempo.js";
import traefik from "./traefik.js";
import trivy from "./trivy.js";
import trivyOperator from "./trivy-operator.js";
import ubuntu from "./ubuntu.js";
import validatingAdmissionPolicy from "./validating-admission-policy.js";
import vault from "./vault.js";
import velero from "./velero.js";
import weaveNet from "./weave-net.js";

/** Every catalog entry, sorted by id. One data module per component; this list is the only registry. */
export const catalogData: readonly CatalogEntryInput[] = [
  alloy,
  apiserverAuditPolicy,
  argocd,
  buildah,
  buildkit,
  calico,
  certManager,
  cilium,
  clusterApi,
  clusterApiMetal3,
  clusterApiOpenstack,
  clusterApiVsphere,
  clusterAutoscaler,
  consul,
  dex,
  elasticsearch,
  envoyGateway,
  externalDns,
  externalSecrets,
  falco,
  flatcar,
  fluentBit,
  flux,
  gangway,
  gatekeeper,
  gatewayApiCrds,
  gitlabRunner,
  grafana,
  haproxy,
  harbor,
  headlamp,
  ingressNginx,
  istioAmbient,
  jaeger,
  jaegerV1,
  jenkins,
  kaniko,
  keycloak,
  kubePrometheusStack,
  kubeStateMetrics,
  kubeadm,
  kubelogin,
  kubernetesDashboard,
  kubespray,
  kyverno,
  linkerd,
  loki,
  longhorn,
  metal3,
  metricsServer,
  mutatingAdmissionPolicy,
  octant,
  openbao,
  opensearch,
  opentelemetryCollector,
  podSecurityAdmission,
  podsecuritypolicy,
  promtail,
  rookCeph,
  sops,
  structuredAuthentication,
  tekton,
  tempo,
  traefik,
  trivy,
  trivyOperator,
  ubuntu,
  validatingAdmissionPolicy,
  vault,
  velero,
  weaveNet,
];
