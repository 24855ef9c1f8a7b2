import type { Plan } from "../../plan/types.js";
import {
  auditPolicy,
  authenticationConfiguration,
  encryptionConfiguration,
  type SsoInput,
} from "../../guardrails/apiserver.js";
import { toYaml } from "../yaml.js";

export const controlPlaneFilesDir = "bootstrap/control-plane";
export const issuerPlaceholder = "https://idp.example.invalid";

/** The apiserver audit policy is part of the plan for MBU/ENT, for compliance, or when chosen. */
export function wantsAudit(plan: Plan): boolean {
  return (
    plan.targetGroup !== "SUP" ||
    plan.facts.complianceRequired ||
    plan.components.some((c) => c.area === "audit" || c.id === "apiserver-audit-policy")
  );
}

export function ssoFor(plan: Plan): SsoInput | undefined {
  if (plan.facts.identityProvider === "none") return undefined;
  return {
    issuerUrl: plan.facts.identityIssuerUrl ?? issuerPlaceholder,
    audience: "kubernetes",
    prefix: "oidc:",
  };
}

/** The files kube-apiserver reads from /etc/kubernetes/bespoke on every control-plane node. */
export function controlPlaneFiles(plan: Plan): Map<string, string> {
  const files = new Map<string, string>();
  if (wantsAudit(plan)) files.set("audit-policy.yaml", toYaml(auditPolicy()));
  files.set("encryption-config.yaml", toYaml(encryptionConfiguration()));
  const sso = ssoFor(plan);
  if (sso) files.set("authentication-config.yaml", toYaml(authenticationConfiguration(sso)));
  return files;
}
