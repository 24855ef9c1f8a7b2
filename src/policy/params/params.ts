/**
 * What a platform team configures about the policy library. In the cluster these values live in
 * one ConfigMap (the VAP paramKind), so the CEL reads them as comma-separated strings; offline the
 * same ConfigMap is built from this file and handed to the same CEL.
 */
/**
 * The params, with every default applied (schema.ts validates a file and fills in the defaults;
 * this module stays free of the validator, so checking — in workers too — does not load it).
 */
export interface PolicyParams {
  /** Image reference prefixes, e.g. "registry.example.com/". Empty: every registry is trusted. */
  readonly trustedRegistries: string[];
  /** RE2 patterns an image must fully match. Empty: every image is allowed. */
  readonly allowedImages: string[];
  /** Labels every workload must carry. */
  readonly requiredLabels: string[];
  /** Label naming the owning team. */
  readonly ownerLabel: string;
  /** Namespaces where Services of type LoadBalancer or NodePort are allowed. */
  readonly externalServiceNamespaces: string[];
  /** RE2 pattern for production namespaces (replicas ≥ 2 there). */
  readonly prodNamespacePattern: string;
  /** Namespaces run by the platform team (their service accounts may be bound to cluster-admin). */
  readonly platformNamespaces: string[];
  /** Groups that may bind cluster-admin and set exception annotations. */
  readonly adminGroups: string[];
  readonly apiVersion?: "bespoke.dev/v1alpha1" | undefined;
  readonly kind?: "PolicyParams" | undefined;
}

/** What an empty params file gives (test/unit/policy-params.test.ts holds it to the schema). */
export const defaultParams: PolicyParams = {
  trustedRegistries: [],
  allowedImages: [],
  requiredLabels: ["app.kubernetes.io/name"],
  ownerLabel: "team",
  externalServiceNamespaces: [],
  prodNamespacePattern: "^(prod|production)(-.*)?$|^.*-prod$",
  platformNamespaces: ["kube-system", "bespoke-system"],
  adminGroups: ["system:masters", "bespoke:platform-admins"],
};

export const paramsConfigMapName = "bespoke-policy-params";
export const paramsNamespace = "bespoke-system";

/** The params as the ConfigMap the VAP bindings reference (data values are plain strings). */
export function paramsConfigMap(p: PolicyParams): {
  apiVersion: "v1";
  kind: "ConfigMap";
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  data: Record<string, string>;
} {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      name: paramsConfigMapName,
      namespace: paramsNamespace,
      labels: { "app.kubernetes.io/managed-by": "bespoke" },
    },
    data: {
      adminGroups: p.adminGroups.join(","),
      allowedImages: p.allowedImages.join(","),
      externalServiceNamespaces: p.externalServiceNamespaces.join(","),
      ownerLabel: p.ownerLabel,
      platformNamespaces: p.platformNamespaces.join(","),
      prodNamespacePattern: p.prodNamespacePattern,
      requiredLabels: p.requiredLabels.join(","),
      trustedRegistries: p.trustedRegistries.join(","),
    },
  };
}

/** CEL: a comma-separated params entry as a list of non-empty, trimmed strings. */
export function celParamList(key: string): string {
  return `params.?data.?${key}.orValue('').split(',').map(s, s.trim()).filter(s, s != '')`;
}

export function celParamString(key: string, fallback: string): string {
  return `params.?data.?${key}.orValue('${fallback}')`;
}
