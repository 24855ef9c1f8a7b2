import type { CheckImpl, PssCheck } from "../model.js";
import { asString, isSet } from "../pod-view.js";
import { allValues, containerNames, containersPhrase, joinQuote, sortedSet } from "../wording.js";
import { exceptUserNamespace, pssRule } from "../variants.js";

export const procMountId = "procMount";

/** Shared with the restricted variant, which applies it without the user-namespace exemption. */
export const procMountDefaultOnly: CheckImpl = {
  collect: (pod) =>
    pod.containers.flatMap((c) => {
      const value = c.securityContext?.["procMount"];
      if (!isSet(value) || value === "Default") return [];
      return [
        {
          container: c.name,
          path: [...c.path, "securityContext", "procMount"],
          kind: "container",
          values: [asString(value)],
        },
      ];
    }),
  describe: (offenders) => ({
    reason: "procMount",
    detail: `${containersPhrase(containerNames(offenders))} must not set securityContext.procMount to ${joinQuote(sortedSet(allValues(offenders)))}`,
  }),
};

export const procMount: PssCheck = {
  upstreamId: procMountId,
  level: "baseline",
  meta: pssRule("baseline", "proc-mount", {
    title: "Containers must keep the default /proc mount",
    why: "An unmasked /proc exposes kernel interfaces that the default masks hide from containers.",
    fix: 'Remove securityContext.procMount or set it to "Default" (from v1.35 baseline allows it with spec.hostUsers: false).',
  }),
  versions: [
    { since: 0, impl: procMountDefaultOnly },
    { since: 35, impl: exceptUserNamespace(procMountDefaultOnly) },
  ],
};
