import type { CheckImpl, Offender, PssCheck } from "../model.js";
import { isSet } from "../pod-view.js";
import { containerNames, containersPhrase, settersPhrase } from "../wording.js";
import { exceptUserNamespace, pssRule } from "../variants.js";

const v1_0: CheckImpl = {
  collect: (pod) => {
    const found: Offender[] = [];
    const podValue = pod.securityContext?.["runAsNonRoot"];
    if (isSet(podValue) && podValue !== true) {
      found.push({ path: ["spec", "securityContext", "runAsNonRoot"], kind: "pod", values: [] });
    }
    for (const c of pod.containers) {
      const value = c.securityContext?.["runAsNonRoot"];
      if (isSet(value)) {
        if (value !== true) {
          found.push({
            container: c.name,
            path: [...c.path, "securityContext", "runAsNonRoot"],
            kind: "explicit",
            values: [],
          });
        }
      } else if (podValue !== true) {
        found.push({ container: c.name, path: c.path, kind: "implicit", values: [] });
      }
    }
    return found;
  },
  describe: (offenders) => {
    const explicit = offenders.filter((o) => o.kind !== "implicit");
    if (explicit.length > 0) {
      return {
        reason: "runAsNonRoot != true",
        detail: `${settersPhrase(explicit)} must not set securityContext.runAsNonRoot=false`,
      };
    }
    return {
      reason: "runAsNonRoot != true",
      detail: `pod or ${containersPhrase(containerNames(offenders, "implicit"))} must set securityContext.runAsNonRoot=true`,
    };
  },
};

export const runAsNonRoot: PssCheck = {
  upstreamId: "runAsNonRoot",
  level: "restricted",
  meta: pssRule("restricted", "run-as-non-root", {
    title: "Containers must run as a non-root user",
    why: "Root in a container is root on the node's kernel; one escape away from the host.",
    fix: "Set spec.securityContext.runAsNonRoot: true (and an image USER or runAsUser that is not 0).",
  }),
  versions: [
    { since: 0, impl: v1_0 },
    { since: 35, impl: exceptUserNamespace(v1_0) },
  ],
};
