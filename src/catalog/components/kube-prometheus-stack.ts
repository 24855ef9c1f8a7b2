import type { CatalogEntryInput } from "../schema.js";

export default {
  id: "kube-prometheus-stack",
  area: "monitoring",
  name: "kube-prometheus-stack (Prometheus, Alertmanager, Grafana)",
  description:
    "Prometheus Operator with Prometheus 3.x, Alertmanager, Grafana, node-exporter and kube-state-metrics, plus the community alerting rules and dashboards for Kubernetes. The metrics backbone every other component reports to.",
  levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
  seed: {
    levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" },
    said: "Prometheus and Grafana for monitoring, installed together with the Prometheus Operator.",
  },
  status: "current",
  verified: "2026-11-25",
  sources: [
    "https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack",
    "https://github.com/prometheus/prometheus/releases",
    "https://github.com/prometheus-operator/prometheus-operator",
  ],
  install: {
    kind: "helm",
    repo: "https://prometheus-community.github.io/helm-charts",
    chart: "kube-prometheus-stack",
    version: "88.4.0",
  },
  runtime: {
    namespace: "monitoring",
    podSecurity: "privileged",
    podSecurityReason:
      "The bundled node-exporter DaemonSet uses hostNetwork, hostPID and read-only hostPath mounts of / , /proc and /sys, which Pod Security baseline forbids; every other pod of the stack runs as restricted.",
    ports: [
      { port: 9090, protocol: "TCP", from: "cluster", purpose: "Prometheus API and UI" },
      { port: 9093, protocol: "TCP", from: "cluster", purpose: "Alertmanager API and UI" },
      { port: 3000, protocol: "TCP", from: "ingress", purpose: "Grafana UI (through the gateway)" },
      { port: 9100, protocol: "TCP", from: "monitoring", purpose: "node-exporter metrics on every node" },
      { port: 8080, protocol: "TCP", from: "monitoring", purpose: "kube-state-metrics" },
      { port: 10250, protocol: "TCP", from: "nodes", purpose: "Prometheus Operator admission webhook" },
    ],
    needsApiServer: true,
    needsEgress: true,
    values: {
      prometheus: {
        prometheusSpec: {
          retention: "15d",
          replicas: 2,
          resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { memory: "4Gi" } },
          // Pick up ServiceMonitors and rules of every component, not only the chart's own.
          serviceMonitorSelectorNilUsesHelmValues: false,
          podMonitorSelectorNilUsesHelmValues: false,
          ruleSelectorNilUsesHelmValues: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            fsGroup: 2000,
            seccompProfile: { type: "RuntimeDefault" },
          },
        },
      },
      alertmanager: {
        alertmanagerSpec: {
          replicas: 2,
          resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } },
        },
      },
      prometheusOperator: {
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "512Mi" } },
      },
      grafana: {
        admin: { existingSecret: "grafana-admin" },
        resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } },
      },
      "prometheus-node-exporter": {
        resources: { requests: { cpu: "50m", memory: "32Mi" }, limits: { memory: "128Mi" } },
      },
      "kube-state-metrics": {
        resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "256Mi" } },
      },
    },
  },
  requires: ["cni"],
  provides: ["monitoring", "prometheus", "alerting"],
} satisfies CatalogEntryInput;
