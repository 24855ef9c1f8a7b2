/**
 * What a platform team configures about the policy library. In the cluster these values live in
 * one ConfigMap (the VAP paramKind), so the CEL reads them as comma-separated strings; offline the
 * same ConfigMap is built from this file and handed to the same CEL.
 */
import { z } from "zod";

const list = z.array(z.string().min(1)).default([]);

export const policyParamsSchema = z
  .object({
    apiVersion: z.literal("bespoke.dev/v1alpha1").optional(),
    kind: z.literal("PolicyParams").optional(),
    /** Image reference prefixes, e.g. "registry.example.com/". Empty: every registry is trusted. */
    trustedRegistries: list,
    /** RE2 patterns an image must fully match. Empty: every image is allowed. */
    allowedImages: list,
    /** Labels every workload must carry. */
    requiredLabels: z.array(z.string().min(1)).default(["app.kubernetes.io/name"]),
    /** Label naming the owning team. */
    ownerLabel: z.string().min(1).default("team"),
    /** Namespaces where Services of type LoadBalancer or NodePort are allowed. */
    externalServiceNamespaces: list,
    /** RE2 pattern for production namespaces (replicas ≥ 2 there). */
    prodNamespacePattern: z.string().min(1).default("^(prod|production)(-.*)?$|^.*-prod$"),
    /** Namespaces run by the platform team (their service accounts may be bound to cluster-admin). */
    platformNamespaces: z.array(z.string().min(1)).default(["kube-system", "bespoke-system"]),
    /** Groups that may bind cluster-admin and set exception annotations. */
    adminGroups: z.array(z.string().min(1)).default(["system:masters", "bespoke:platform-admins"]),
  })
  .strict();

export type PolicyParams = z.output<typeof policyParamsSchema>;

export const defaultParams: PolicyParams = policyParamsSchema.parse({});

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
