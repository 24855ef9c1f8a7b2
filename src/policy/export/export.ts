/**
 * `bespoke policy export`: policies → files. Pure (a map of relative path → bytes) so the renderer
 * can put the same files into a platform's guardrails and the CLI can write them atomically.
 *
 * Bindings follow severity: in namespaces labelled bespoke.dev/policy=enforce, error rules Deny and
 * warning/info rules Warn+Audit (exactly what `bespoke check --fail-on error` fails on is what the
 * cluster refuses); in bespoke.dev/policy=warn namespaces every rule Warns and Audits.
 */
import { stringify } from "yaml";
import type {
  ValidatingAdmissionPolicy,
  ValidatingAdmissionPolicyBinding,
  ValidationAction,
} from "../vap/types.js";
import type { LibraryRule } from "../library/rule.js";
import { toVap } from "../library/to-vap.js";
import { exceptionGuardPolicy } from "./guard.js";
import {
  paramsConfigMap,
  paramsConfigMapName,
  paramsNamespace,
  type PolicyParams,
} from "../params/params.js";

export const policyLabel = "bespoke.dev/policy";

export interface ExportedPolicy {
  readonly policy: ValidatingAdmissionPolicy;
  readonly bindings: readonly ValidatingAdmissionPolicyBinding[];
}

function binding(
  policy: ValidatingAdmissionPolicy,
  mode: "enforce" | "warn",
  actions: ValidationAction[],
): ValidatingAdmissionPolicyBinding {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: {
      name: `${policy.metadata.name}-${mode}`,
      labels: { "app.kubernetes.io/managed-by": "bespoke" },
    },
    spec: {
      policyName: policy.metadata.name,
      ...(policy.spec.paramKind
        ? {
            paramRef: {
              name: paramsConfigMapName,
              namespace: paramsNamespace,
              parameterNotFoundAction: "Deny" as const,
            },
          }
        : {}),
      matchResources: { namespaceSelector: { matchLabels: { [policyLabel]: mode } } },
      validationActions: actions,
    },
  };
}

/** The VAP and its two bindings for one rule. */
export function exportRule(rule: LibraryRule): ExportedPolicy {
  const policy = toVap(rule);
  const enforce: ValidationAction[] = rule.meta.severity === "error" ? ["Deny"] : ["Warn", "Audit"];
  return {
    policy,
    bindings: [binding(policy, "enforce", enforce), binding(policy, "warn", ["Warn", "Audit"])],
  };
}

/** The guard binds everywhere: an exception must never be self-granted, whatever the namespace. */
export function exportGuard(): ExportedPolicy {
  const policy = exceptionGuardPolicy();
  return {
    policy,
    bindings: [
      {
        apiVersion: "admissionregistration.k8s.io/v1",
        kind: "ValidatingAdmissionPolicyBinding",
        metadata: { name: policy.metadata.name, labels: { "app.kubernetes.io/managed-by": "bespoke" } },
        spec: {
          policyName: policy.metadata.name,
          paramRef: {
            name: paramsConfigMapName,
            namespace: paramsNamespace,
            parameterNotFoundAction: "Deny",
          },
          validationActions: ["Deny"],
        },
      },
    ],
  };
}

function yamlDoc(obj: unknown): string {
  return stringify(obj, { lineWidth: 0, sortMapEntries: false });
}

/** Every exported file, keyed by relative path; sorted and byte-stable. */
export function exportPolicies(rules: readonly LibraryRule[], params: PolicyParams): Map<string, string> {
  const files = new Map<string, string>();
  const namespace = {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: paramsNamespace,
      labels: {
        "app.kubernetes.io/managed-by": "bespoke",
        "pod-security.kubernetes.io/enforce": "restricted",
        [policyLabel]: "enforce",
      },
    },
  };
  files.set("params/namespace.yaml", yamlDoc(namespace));
  files.set("params/configmap.yaml", yamlDoc(paramsConfigMap(params)));
  const all = [...[...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1)).map(exportRule), exportGuard()];
  for (const e of all) {
    const name = e.policy.metadata.name;
    files.set(`policies/${name}.yaml`, yamlDoc(e.policy));
    files.set(`bindings/${name}.yaml`, e.bindings.map(yamlDoc).join("---\n"));
  }
  const paths = [...files.keys()].sort();
  files.set(
    "kustomization.yaml",
    yamlDoc({ apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", resources: paths }),
  );
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
