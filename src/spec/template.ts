import type { TargetGroup } from "../catalog/schema.js";
import { groupDefaults, newestKubernetesMinor } from "./facts.js";
import { apiVersion } from "./schema.js";

export interface InitAnswers {
  readonly name?: string;
  readonly provisioning?: "api" | "bare-metal";
  readonly provider?: "vsphere" | "openstack" | "metal3" | "none";
  readonly stateful?: boolean;
  readonly identityProvider?: "none" | "ldap" | "active-directory" | "oidc" | "saml";
  readonly gitops?: "argocd" | "flux";
}

/** A commented platform.yaml for a profile; every fact is written out so the user sees what to change. */
export function platformTemplate(profile: TargetGroup, a: InitAnswers = {}): string {
  const d = groupDefaults[profile];
  const provisioning = a.provisioning ?? d.provisioning;
  const provider = a.provider ?? (provisioning === "bare-metal" ? "none" : d.infrastructureProvider);
  const name = a.name ?? `example-${profile.toLowerCase()}`;
  return `# Bespoke platform description. Plan it with: bespoke plan <this file>
# yaml-language-server: $schema=https://bespoke.dev/schemas/platform.schema.json
apiVersion: ${apiVersion}
kind: Platform
metadata:
  name: ${name}
spec:
  # SUP: small company, MBU: medium business unit, ENT: enterprise
  targetGroup: ${profile}
  kubernetesVersion: ${newestKubernetesMinor}
  infrastructure:
    # api: nodes come from an API (vSphere, OpenStack, Metal3); bare-metal: set up by hand
    provisioning: ${provisioning}
    # vsphere | openstack | metal3 | none
    provider: ${provider}
    vmwareShop: ${d.vmwareShop}
    autoscaling: ${provisioning === "bare-metal" ? false : d.autoscaling}
    airGapped: ${d.airGapped}
  workloads:
    stateful: ${a.stateful ?? d.statefulWorkloads}
    externalExposure: ${d.externalExposure}
    teams: ${d.teams}
    apps: ${d.apps}
  compliance:
    required: ${d.complianceRequired}
  identity:
    # none | ldap | active-directory | oidc | saml
    provider: ${a.identityProvider ?? d.identityProvider}
  budget:
    supportedDistribution: ${d.supportedDistributionBudget}
  multiCluster: ${d.multiCluster}
  skills:
    # none | basic | advanced
    kubernetes: ${d.kubernetesSkills}
  # argocd | flux
  gitops: ${a.gitops ?? d.gitops}
  # Change the plan where you know better, with a reason:
  # overrides:
  #   - component: linkerd
  #     include: true
  #     reason: our SRE team already runs Linkerd elsewhere
  overrides: []
`;
}
