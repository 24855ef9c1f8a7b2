import type { CheckImpl, Offender, PssCheck } from "../model.js";
import { containersPhrase, containerNames } from "../wording.js";
import { exceptWindows, pssRule } from "../variants.js";
import {
  allowedSeccompTypes,
  describeExplicitSeccomp,
  explicitSeccompOffenders,
  seccompBaselineId,
  seccompType,
} from "./seccomp-profile-baseline.js";

const v1_19: CheckImpl = {
  collect: (pod) => {
    const found = explicitSeccompOffenders(pod);
    const podType = seccompType(pod.securityContext);
    const podSet = podType !== undefined && allowedSeccompTypes.has(podType);
    if (!podSet) {
      for (const c of pod.containers) {
        if (seccompType(c.securityContext) === undefined) {
          found.push({ container: c.name, path: c.path, kind: "implicit", values: [] });
        }
      }
    }
    return found;
  },
  describe: (offenders) => {
    // Explicitly forbidden values are reported first; missing profiles only when there are none.
    const explicit = offenders.filter((o: Offender) => o.kind !== "implicit");
    if (explicit.length > 0) {
      return { reason: "seccompProfile", detail: describeExplicitSeccomp(explicit) };
    }
    return {
      reason: "seccompProfile",
      detail: `pod or ${containersPhrase(containerNames(offenders, "implicit"))} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    };
  },
};

export const seccompProfileRestricted: PssCheck = {
  upstreamId: "seccompProfile_restricted",
  level: "restricted",
  meta: pssRule("restricted", "seccomp-profile", {
    title: "Pods must set a RuntimeDefault or Localhost seccomp profile",
    why: "Without a seccomp profile a container may call every system call, including rarely needed, risky ones.",
    fix: "Set spec.securityContext.seccompProfile.type: RuntimeDefault (or Localhost with a profile).",
  }),
  versions: [
    { since: 19, impl: v1_19, overrides: [seccompBaselineId] },
    { since: 25, impl: exceptWindows(v1_19), overrides: [seccompBaselineId] },
  ],
};
