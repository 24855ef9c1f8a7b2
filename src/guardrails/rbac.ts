import { dnsName } from "../core/names.js";
import { managedBy, type KubeObject } from "./types.js";
import { exceptionAnnotations } from "./exceptions.js";

export const platformRoles = ["platform-admin", "team-developer", "read-only", "ci-deployer"] as const;
export type PlatformRole = (typeof platformRoles)[number];

export interface RbacInput {
  /** Prefix of group names as the authenticator presents them (e.g. "oidc:" with SSO). */
  readonly groupPrefix: string;
}

const workloadResources = [
  {
    apiGroups: [""],
    resources: [
      "pods",
      "pods/log",
      "services",
      "configmaps",
      "persistentvolumeclaims",
      "serviceaccounts",
      "events",
    ],
  },
  { apiGroups: ["apps"], resources: ["deployments", "statefulsets", "daemonsets", "replicasets"] },
  { apiGroups: ["batch"], resources: ["jobs", "cronjobs"] },
  { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"] },
  { apiGroups: ["policy"], resources: ["poddisruptionbudgets"] },
  { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies", "ingresses"] },
  { apiGroups: ["gateway.networking.k8s.io"], resources: ["httproutes", "grpcroutes"] },
];
const readVerbs = ["get", "list", "watch"];
const writeVerbs = ["create", "update", "patch", "delete"];

export function roleName(role: PlatformRole): string {
  return dnsName(`bespoke-${role}`);
}

export function groupName(input: RbacInput, role: PlatformRole): string {
  return `${input.groupPrefix}bespoke-${role}s`;
}

function clusterRole(
  role: PlatformRole,
  rules: unknown[],
  purpose: string,
  exceptions: Record<string, string> = {},
): KubeObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    metadata: {
      name: roleName(role),
      labels: { ...managedBy },
      annotations: { "bespoke.dev/purpose": purpose, ...exceptions },
    },
    rules,
  };
}

function clusterBinding(role: PlatformRole, roleRef: string, group: string): KubeObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name: roleName(role), labels: { ...managedBy } },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleRef },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: group }],
  };
}

/**
 * The four platform roles. platform-admin and read-only are cluster-wide (bound here);
 * team-developer and ci-deployer are ClusterRoles meant for RoleBindings in team namespaces
 * (see `teamBindings`), so a team never gets rights outside its own namespaces.
 */
export function rbacFor(input: RbacInput): KubeObject[] {
  const secretsNoRead = {
    apiGroups: [""],
    resources: ["secrets"],
    verbs: ["create", "update", "patch", "delete"],
  };
  return [
    clusterRole(
      "platform-admin",
      [
        { apiGroups: ["*"], resources: ["*"], verbs: ["*"] },
        { nonResourceURLs: ["*"], verbs: ["*"] },
      ],
      "runs the platform: everything, audited",
      exceptionAnnotations(
        ["rbac-no-wildcard-verbs", "rbac-no-wildcard-resources"],
        "break-glass role of the platform team, bound only to its group and audited",
      ),
    ),
    clusterBinding("platform-admin", roleName("platform-admin"), groupName(input, "platform-admin")),
    clusterRole(
      "read-only",
      [
        ...workloadResources.map((r) => ({ ...r, verbs: readVerbs })),
        {
          apiGroups: [""],
          resources: ["namespaces", "nodes", "persistentvolumes", "resourcequotas", "limitranges"],
          verbs: readVerbs,
        },
      ],
      "looks at everything except Secrets",
    ),
    clusterBinding("read-only", roleName("read-only"), groupName(input, "read-only")),
    clusterRole(
      "team-developer",
      [
        ...workloadResources.map((r) => ({ ...r, verbs: [...readVerbs, ...writeVerbs] })),
        { apiGroups: [""], resources: ["pods/exec", "pods/portforward"], verbs: ["create"] },
        { ...secretsNoRead, verbs: [...readVerbs, ...writeVerbs] },
        { apiGroups: [""], resources: ["resourcequotas", "limitranges"], verbs: readVerbs },
      ],
      "develops in the team's own namespaces (bound per namespace)",
      exceptionAnnotations(
        ["rbac-no-cluster-secrets-read"],
        "bound only through RoleBindings in the team's own namespaces, never cluster-wide",
      ),
    ),
    clusterRole(
      "ci-deployer",
      [
        ...workloadResources.map((r) => ({ ...r, verbs: [...readVerbs, ...writeVerbs] })),
        // CI writes Secrets it deploys but never reads them back.
        secretsNoRead,
      ],
      "deploys from CI into the team's namespaces (bound per namespace to the CI ServiceAccount)",
    ),
  ];
}

/** RoleBindings that give a team its namespace: developers by group, CI by ServiceAccount. */
export function teamBindings(input: RbacInput & { namespace: string; team: string }): KubeObject[] {
  const ns = input.namespace;
  return [
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: roleName("team-developer"), namespace: ns, labels: { ...managedBy } },
      roleRef: {
        apiGroup: "rbac.authorization.k8s.io",
        kind: "ClusterRole",
        name: roleName("team-developer"),
      },
      subjects: [
        {
          apiGroup: "rbac.authorization.k8s.io",
          kind: "Group",
          name: `${input.groupPrefix}${input.team}-developers`,
        },
      ],
    },
    {
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: "ci-deployer", namespace: ns, labels: { ...managedBy } },
      automountServiceAccountToken: false,
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: roleName("ci-deployer"), namespace: ns, labels: { ...managedBy } },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName("ci-deployer") },
      subjects: [{ kind: "ServiceAccount", name: "ci-deployer", namespace: ns }],
    },
  ];
}
