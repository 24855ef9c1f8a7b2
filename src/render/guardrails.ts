import type { Plan } from "../plan/types.js";
import type { PortNeed } from "../guardrails/network.js";
import { allowPoliciesFor, defaultDenyPolicies } from "../guardrails/network.js";
import { mergePodSecurity, namespaceFor, systemNamespaces } from "../guardrails/namespaces.js";
import { quotaFor, quotaSizeFor } from "../guardrails/quota.js";
import { rbacFor, teamBindings } from "../guardrails/rbac.js";
import type { KubeObject } from "../guardrails/types.js";
import type { InClusterComponent } from "./components.js";
import { toYaml, toYamlDocs } from "./yaml.js";
import { policyLabel } from "../policy/export/export.js";

export { policyLabel };

export const guardrailsDir = "guardrails";
export const teamTemplateDir = "guardrails/team-template";

/** Group prefix the apiserver gives SSO users; without SSO, groups come from client certs or tokens. */
export function groupPrefix(plan: Plan): string {
  return plan.facts.identityProvider === "none" ? "" : "oidc:";
}

interface NamespaceGroup {
  readonly name: string;
  readonly members: readonly InClusterComponent[];
}

/** Component namespaces Bespoke renders itself (system namespaces exist already and are left alone). */
export function renderedNamespaces(components: readonly InClusterComponent[]): NamespaceGroup[] {
  const byNs = new Map<string, InClusterComponent[]>();
  for (const c of components) {
    if (systemNamespaces.has(c.namespace)) continue;
    byNs.set(c.namespace, [...(byNs.get(c.namespace) ?? []), c]);
  }
  return [...byNs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, members]) => ({ name, members }));
}

function namespaceOfArea(components: readonly InClusterComponent[], area: string): string | undefined {
  // The gateway/monitoring namespace is the one of the first such component that listens to the world.
  return components.find((c) => c.planned.area === area && c.runtime.ports.length > 0)?.namespace;
}

/** Every file under guardrails/: namespaces, NetworkPolicies, RBAC, the team template, policies. */
export function renderGuardrails(
  plan: Plan,
  components: readonly InClusterComponent[],
  extra: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Map<string, string> {
  const files = new Map<string, string>();
  const k8s = plan.facts.kubernetesVersion;
  const ingressNamespace = namespaceOfArea(components, "ingress");
  const monitoringNamespace = namespaceOfArea(components, "monitoring");
  const resources: string[] = [];

  for (const g of renderedNamespaces(components)) {
    const ps = mergePodSecurity(
      g.members.map((m) => ({
        podSecurity: m.runtime.podSecurity,
        reason: m.runtime.podSecurityReason,
        who: m.id,
      })),
    );
    const ns = namespaceFor({
      name: g.name,
      podSecurity: ps.podSecurity,
      ...(ps.reason ? { reason: ps.reason } : {}),
      kubernetesVersion: k8s,
      labels: { [policyLabel]: "warn", "bespoke.dev/components": g.members.map((m) => m.id).join(".") },
    });
    const nsPath = `namespaces/${g.name}.yaml`;
    files.set(`${guardrailsDir}/${nsPath}`, toYaml(ns));
    resources.push(nsPath);

    const ports: PortNeed[] = [];
    const seen = new Set<string>();
    for (const m of g.members) {
      for (const p of m.runtime.ports) {
        const key = `${p.port}/${p.protocol}/${p.from}`;
        if (!seen.has(key)) ports.push(p);
        seen.add(key);
      }
    }
    ports.sort((a, b) => a.port - b.port || (a.protocol < b.protocol ? -1 : 1));
    const policies = [
      ...defaultDenyPolicies(g.name),
      ...allowPoliciesFor({
        namespace: g.name,
        ports,
        needsApiServer: g.members.some((m) => m.runtime.needsApiServer),
        needsEgress: g.members.some((m) => m.runtime.needsEgress),
        ...(ingressNamespace ? { ingressNamespace } : {}),
        ...(monitoringNamespace ? { monitoringNamespace } : {}),
      }),
    ];
    const npPath = `network-policies/${g.name}.yaml`;
    files.set(`${guardrailsDir}/${npPath}`, toYamlDocs(policies));
    resources.push(npPath);
  }

  files.set(
    `${guardrailsDir}/rbac/platform-roles.yaml`,
    toYamlDocs(rbacFor({ groupPrefix: groupPrefix(plan) })),
  );
  resources.push("rbac/platform-roles.yaml");

  for (const [dir, tree] of [...extra].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const [p, text] of tree) files.set(`${guardrailsDir}/${dir}/${p}`, text);
    if (tree.has("kustomization.yaml")) resources.push(dir);
  }

  files.set(`${guardrailsDir}/kustomization.yaml`, kustomization(resources.sort()));
  for (const [p, text] of teamTemplate(plan)) files.set(`${teamTemplateDir}/${p}`, text);
  return files;
}

export function kustomization(resources: readonly string[]): string {
  return toYaml({ apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", resources });
}

/**
 * A team namespace to copy per team: not part of the guardrails kustomization, because which teams
 * exist is the platform team's decision, not the plan's.
 */
function teamTemplate(plan: Plan): Map<string, string> {
  const ns = "team-example";
  const objects: KubeObject[] = [
    namespaceFor({
      name: ns,
      podSecurity: "restricted",
      kubernetesVersion: plan.facts.kubernetesVersion,
      labels: { [policyLabel]: "enforce", "bespoke.dev/team": "example" },
    }),
    ...quotaFor(ns, quotaSizeFor(plan.facts.apps, plan.facts.teams)),
    ...defaultDenyPolicies(ns),
    ...teamBindings({ groupPrefix: groupPrefix(plan), namespace: ns, team: "example" }),
  ];
  const files = new Map<string, string>();
  files.set("team.yaml", toYamlDocs(objects));
  files.set("kustomization.yaml", kustomization(["team.yaml"]));
  return files;
}
