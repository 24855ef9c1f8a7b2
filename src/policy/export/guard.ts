/**
 * The exception guard: an exception annotation is a privilege, so only platform admins (and the
 * controllers that copy pod templates into pods) may add, change or remove one.
 */
import type { ValidatingAdmissionPolicy } from "../vap/types.js";
import { exceptionPrefix } from "../exceptions/annotation.js";
import { celParamList } from "../params/params.js";
import { celString } from "../library/rule.js";

export const guardPolicyName = "bespoke-exception-guard";

const prefix = celString(exceptionPrefix);

function exceptionsOf(obj: string): string {
  // Object annotations plus pod-template annotations (Deployments, Jobs, ...; CronJobs one level deeper).
  const meta = `${obj}.metadata.?annotations.orValue({})`;
  const tpl = `${obj}.?spec.?template.?metadata.?annotations.orValue({})`;
  const cronTpl = `${obj}.?spec.?jobTemplate.?spec.?template.?metadata.?annotations.orValue({})`;
  return `[${meta}, ${tpl}, ${cronTpl}]`;
}

export function exceptionGuardPolicy(): ValidatingAdmissionPolicy {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: {
      name: guardPolicyName,
      labels: { "app.kubernetes.io/managed-by": "bespoke" },
      annotations: {
        "bespoke.dev/severity": "error",
        "bespoke.dev/title": "Only platform admins set policy exceptions",
      },
    },
    spec: {
      failurePolicy: "Fail",
      paramKind: { apiVersion: "v1", kind: "ConfigMap" },
      matchConstraints: {
        resourceRules: [
          {
            apiGroups: ["*"],
            apiVersions: ["*"],
            resources: ["*"],
            operations: ["CREATE", "UPDATE"],
            scope: "*",
          },
        ],
      },
      variables: [
        { name: "newSets", expression: exceptionsOf("object") },
        {
          name: "oldSets",
          expression: `oldObject == null ? [{}, {}, {}] : ${exceptionsOf("oldObject")}`,
        },
        {
          name: "changed",
          expression:
            `[0, 1, 2].exists(i, variables.newSets[i].exists(k, k.startsWith(${prefix}) && ` +
            `(!(k in variables.oldSets[i]) || variables.oldSets[i][k] != variables.newSets[i][k])) || ` +
            `variables.oldSets[i].exists(k, k.startsWith(${prefix}) && !(k in variables.newSets[i])))`,
        },
        {
          name: "privileged",
          expression:
            `request.userInfo.?groups.orValue([]).exists(g, g in ${celParamList("adminGroups")}) || ` +
            `request.userInfo.username.startsWith('system:serviceaccount:kube-system:') || ` +
            `request.userInfo.username == 'system:kube-controller-manager'`,
        },
      ],
      validations: [
        {
          expression: "!variables.changed || variables.privileged",
          messageExpression: `'only members of ' + ${celParamList("adminGroups")}.join(', ') + ' may set ${exceptionPrefix}* annotations'`,
          reason: "Forbidden",
        },
      ],
    },
  };
}
