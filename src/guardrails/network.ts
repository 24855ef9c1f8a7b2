import { dnsLabel } from "../core/names.js";
import { managedBy, type KubeObject } from "./types.js";

export interface PortNeed {
  readonly port: number;
  readonly protocol: "TCP" | "UDP" | "SCTP";
  readonly from: "ingress" | "cluster" | "monitoring" | "nodes";
  readonly purpose: string;
}

export interface NetworkNeeds {
  readonly namespace: string;
  readonly ports: readonly PortNeed[];
  readonly needsApiServer: boolean;
  readonly needsEgress: boolean;
  /** Namespace of the gateway that forwards outside traffic; absent when the plan has none. */
  readonly ingressNamespace?: string;
  /** Namespace of the metrics scraper; absent when the plan has no monitoring. */
  readonly monitoringNamespace?: string;
}

const nsSelector = (name: string) => ({
  namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": name } },
});
// The whole IPv4 space: NetworkPolicy cannot select host-network peers (nodes, the apiserver) by label.
const anywhere = { ipBlock: { cidr: "0.0.0.0/0" } };

function policy(namespace: string, name: string, purpose: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: {
      name: dnsLabel(name),
      namespace: dnsLabel(namespace),
      labels: { ...managedBy },
      annotations: { "bespoke.dev/purpose": purpose },
    },
    spec: { podSelector: {}, ...spec },
  };
}

/**
 * Deny everything, then allow DNS and traffic inside the namespace: the floor every namespace gets,
 * platform components and team namespaces alike.
 */
export function defaultDenyPolicies(namespace: string): KubeObject[] {
  return [
    policy(namespace, "default-deny", "deny all traffic not allowed by another policy", {
      policyTypes: ["Ingress", "Egress"],
    }),
    policy(namespace, "allow-dns", "resolve names through the cluster DNS in kube-system", {
      policyTypes: ["Egress"],
      egress: [
        {
          to: [{ ...nsSelector("kube-system"), podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
          ports: [
            { port: 53, protocol: "UDP" },
            { port: 53, protocol: "TCP" },
          ],
        },
      ],
    }),
    policy(namespace, "allow-same-namespace", "pods of one component talk to each other", {
      policyTypes: ["Ingress", "Egress"],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    }),
  ];
}

/** The allows one component needs beyond the floor: its ports, the apiserver, the outside world. */
export function allowPoliciesFor(needs: NetworkNeeds): KubeObject[] {
  const ns = needs.namespace;
  const out: KubeObject[] = [];
  if (needs.needsApiServer) {
    out.push(
      policy(
        ns,
        "allow-apiserver",
        "controllers talk to the Kubernetes API (443 is the Service, 6443 the endpoints)",
        {
          policyTypes: ["Egress"],
          egress: [
            {
              to: [anywhere],
              ports: [
                { port: 443, protocol: "TCP" },
                { port: 6443, protocol: "TCP" },
              ],
            },
          ],
        },
      ),
    );
  }
  if (needs.needsEgress) {
    out.push(
      policy(
        ns,
        "allow-egress",
        "reaches outside the cluster (registries, identity provider, object storage)",
        {
          policyTypes: ["Egress"],
          egress: [{ to: [anywhere] }],
        },
      ),
    );
  }
  const groups: [PortNeed["from"], Record<string, unknown>[] | undefined][] = [
    ["ingress", needs.ingressNamespace ? [nsSelector(needs.ingressNamespace)] : undefined],
    ["cluster", [{ namespaceSelector: {} }]],
    ["monitoring", needs.monitoringNamespace ? [nsSelector(needs.monitoringNamespace)] : undefined],
    ["nodes", [anywhere]],
  ];
  for (const [from, peers] of groups) {
    const ports = needs.ports.filter((p) => p.from === from);
    if (!ports.length || !peers) continue;
    out.push(
      policy(ns, `allow-from-${from}`, ports.map((p) => `${p.port}/${p.protocol} ${p.purpose}`).join("; "), {
        policyTypes: ["Ingress"],
        ingress: [{ from: peers, ports: ports.map((p) => ({ port: p.port, protocol: p.protocol })) }],
      }),
    );
  }
  return out;
}
