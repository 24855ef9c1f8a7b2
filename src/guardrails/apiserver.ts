import type { ConfigObject } from "./types.js";

/** Where the control-plane files live on every control-plane node; mounted into kube-apiserver. */
export const controlPlaneDir = "/etc/kubernetes/bespoke";
export const auditPolicyPath = `${controlPlaneDir}/audit-policy.yaml`;
export const encryptionConfigPath = `${controlPlaneDir}/encryption-config.yaml`;
export const authenticationConfigPath = `${controlPlaneDir}/authentication-config.yaml`;
export const auditLogDir = "/var/log/kubernetes/audit";
/** The placeholder that stands where the encryption key goes; the output README says how to fill it. */
export const encryptionKeyPlaceholder = "REPLACE-WITH-BASE64-32-BYTE-KEY";

/**
 * Audit policy: who touched Secrets and RBAC, every write with its request, reads of everything else
 * as metadata, and the noisy system reads dropped. Rules are ordered: the first match wins.
 */
export function auditPolicy(): ConfigObject {
  return {
    apiVersion: "audit.k8s.io/v1",
    kind: "Policy",
    omitStages: ["RequestReceived"],
    rules: [
      {
        level: "None",
        users: ["system:kube-proxy"],
        verbs: ["watch"],
        resources: [{ group: "", resources: ["endpoints", "services", "services/status"] }],
      },
      {
        level: "None",
        userGroups: ["system:nodes"],
        verbs: ["get"],
        resources: [{ group: "", resources: ["nodes", "nodes/status"] }],
      },
      {
        level: "None",
        resources: [
          { group: "", resources: ["events"] },
          { group: "events.k8s.io", resources: ["events"] },
        ],
      },
      { level: "None", resources: [{ group: "coordination.k8s.io", resources: ["leases"] }] },
      { level: "None", nonResourceURLs: ["/healthz*", "/livez*", "/readyz*", "/version", "/metrics"] },
      // Secret values must never land in the audit log: metadata only, whatever the verb.
      {
        level: "Metadata",
        resources: [
          { group: "", resources: ["secrets", "configmaps", "serviceaccounts/token"] },
          { group: "authentication.k8s.io", resources: ["tokenreviews"] },
        ],
      },
      {
        level: "RequestResponse",
        resources: [{ group: "rbac.authorization.k8s.io" }, { group: "admissionregistration.k8s.io" }],
      },
      { level: "Request", verbs: ["create", "update", "patch", "delete", "deletecollection"] },
      { level: "Metadata" },
    ],
  };
}

/**
 * Encryption at rest for Secrets. The key is NOT in git: the file carries a placeholder that is
 * replaced on the control-plane nodes (or comes from a Secret with Cluster API). `identity` stays last
 * so data written before encryption was switched on remains readable until it is rewritten.
 */
export function encryptionConfiguration(key: string = encryptionKeyPlaceholder): ConfigObject {
  return {
    apiVersion: "apiserver.config.k8s.io/v1",
    kind: "EncryptionConfiguration",
    resources: [
      {
        resources: ["secrets"],
        providers: [{ secretbox: { keys: [{ name: "key1", secret: key }] } }, { identity: {} }],
      },
    ],
  };
}

export interface SsoInput {
  readonly issuerUrl: string;
  /** The client id the identity provider puts in `aud`. */
  readonly audience: string;
  /** Prefix for users and groups, so "admin" from the IdP never equals a built-in user. */
  readonly prefix: string;
}

/** Structured authentication (GA since 1.34): the apiserver trusts the IdP's tokens directly. */
export function authenticationConfiguration(sso: SsoInput): ConfigObject {
  return {
    apiVersion: "apiserver.config.k8s.io/v1",
    kind: "AuthenticationConfiguration",
    jwt: [
      {
        issuer: { url: sso.issuerUrl, audiences: [sso.audience], audienceMatchPolicy: "MatchAny" },
        claimMappings: {
          username: { claim: "email", prefix: sso.prefix },
          groups: { claim: "groups", prefix: sso.prefix },
        },
        claimValidationRules: [
          {
            expression: "claims.?email_verified.orValue(true) == true",
            message: "the e-mail address must be verified",
          },
        ],
      },
    ],
  };
}

export interface ApiServerWiring {
  readonly extraArgs: { name: string; value: string }[];
  readonly extraVolumes: {
    name: string;
    hostPath: string;
    mountPath: string;
    readOnly: boolean;
    pathType: string;
  }[];
}

/** kube-apiserver flags and mounts that point at the files above (kubeadm v1beta4 name/value lists). */
export function apiServerWiring(opts: { audit: boolean; sso: boolean }): ApiServerWiring {
  const extraArgs = [{ name: "encryption-provider-config", value: encryptionConfigPath }];
  const extraVolumes: ApiServerWiring["extraVolumes"] = [
    {
      name: "bespoke-config",
      hostPath: controlPlaneDir,
      mountPath: controlPlaneDir,
      readOnly: true,
      pathType: "DirectoryOrCreate",
    },
  ];
  if (opts.audit) {
    extraArgs.push(
      { name: "audit-policy-file", value: auditPolicyPath },
      { name: "audit-log-path", value: `${auditLogDir}/audit.log` },
      { name: "audit-log-maxage", value: "30" },
      { name: "audit-log-maxbackup", value: "10" },
      { name: "audit-log-maxsize", value: "100" },
    );
    extraVolumes.push({
      name: "audit-log",
      hostPath: auditLogDir,
      mountPath: auditLogDir,
      readOnly: false,
      pathType: "DirectoryOrCreate",
    });
  }
  if (opts.sso) extraArgs.push({ name: "authentication-config", value: authenticationConfigPath });
  extraArgs.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { extraArgs, extraVolumes };
}
