import type { CheckImpl, PssCheck } from "../model.js";
import { asArray, asRecord, asString } from "../pod-view.js";
import { allValues, containerNames, containersPhrase, joinQuote, sortedSet } from "../wording.js";
import { pssRule } from "../variants.js";

export const capabilitiesBaselineId = "capabilities_baseline";

/** The container runtime's default capability set: adding these changes nothing. */
const defaultCapabilities = new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
]);

const v1_0: CheckImpl = {
  collect: (pod) =>
    pod.containers.flatMap((c) => {
      const added = asArray(asRecord(c.securityContext?.["capabilities"])?.["add"]).map(asString);
      const extra = added.filter((cap) => !defaultCapabilities.has(cap));
      if (extra.length === 0) return [];
      return [
        {
          container: c.name,
          path: [...c.path, "securityContext", "capabilities", "add"],
          kind: "container",
          values: extra,
        },
      ];
    }),
  describe: (offenders) => ({
    reason: "non-default capabilities",
    detail: `${containersPhrase(containerNames(offenders))} must not include ${joinQuote(sortedSet(allValues(offenders)))} in securityContext.capabilities.add`,
  }),
};

export const capabilitiesBaseline: PssCheck = {
  upstreamId: capabilitiesBaselineId,
  level: "baseline",
  meta: pssRule("baseline", "capabilities", {
    title: "Containers must not add capabilities beyond the runtime's default set",
    why: "Extra Linux capabilities such as NET_RAW or SYS_ADMIN widen what a compromised container can do to the node.",
    fix: "Remove the capability from securityContext.capabilities.add.",
  }),
  versions: [{ since: 0, impl: v1_0 }],
};
