import type { CheckImpl, Offender, PssCheck } from "../model.js";
import { settersPhrase } from "../wording.js";
import { exceptUserNamespace, pssRule } from "../variants.js";

const v1_23: CheckImpl = {
  collect: (pod) => {
    const found: Offender[] = [];
    if (pod.securityContext?.["runAsUser"] === 0) {
      found.push({ path: ["spec", "securityContext", "runAsUser"], kind: "pod", values: [] });
    }
    for (const c of pod.containers) {
      if (c.securityContext?.["runAsUser"] === 0) {
        found.push({
          container: c.name,
          path: [...c.path, "securityContext", "runAsUser"],
          kind: "container",
          values: [],
        });
      }
    }
    return found;
  },
  describe: (offenders) => ({
    reason: "runAsUser=0",
    detail: `${settersPhrase(offenders)} must not set runAsUser=0`,
  }),
};

export const runAsUser: PssCheck = {
  upstreamId: "runAsUser",
  level: "restricted",
  meta: pssRule("restricted", "run-as-user", {
    title: "Containers must not set runAsUser: 0",
    why: "An explicit UID 0 runs the process as root regardless of the image's USER.",
    fix: "Set runAsUser to a non-zero UID or remove it and rely on the image's non-root USER.",
  }),
  versions: [
    { since: 23, impl: v1_23 },
    { since: 35, impl: exceptUserNamespace(v1_23) },
  ],
};
