import type { CheckImpl, PssCheck } from "../model.js";
import { containerNames, containersPhrase } from "../wording.js";
import { exceptWindows, pssRule } from "../variants.js";

const v1_8: CheckImpl = {
  collect: (pod) =>
    pod.containers
      .filter((c) => c.securityContext?.["allowPrivilegeEscalation"] !== false)
      .map((c) => ({
        container: c.name,
        path:
          c.securityContext?.["allowPrivilegeEscalation"] === undefined
            ? c.path
            : [...c.path, "securityContext", "allowPrivilegeEscalation"],
        kind: "container",
        values: [],
      })),
  describe: (offenders) => ({
    reason: "allowPrivilegeEscalation != false",
    detail: `${containersPhrase(containerNames(offenders))} must set securityContext.allowPrivilegeEscalation=false`,
  }),
};

export const allowPrivilegeEscalation: PssCheck = {
  upstreamId: "allowPrivilegeEscalation",
  level: "restricted",
  meta: pssRule("restricted", "allow-privilege-escalation", {
    title: "Containers must set allowPrivilegeEscalation: false",
    why: "Otherwise set-user-ID binaries and file capabilities let a process gain more privileges than its parent.",
    fix: "Set securityContext.allowPrivilegeEscalation: false on every container.",
  }),
  versions: [
    { since: 8, impl: v1_8 },
    { since: 25, impl: exceptWindows(v1_8) },
  ],
};
