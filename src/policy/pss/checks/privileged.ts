import type { CheckImpl, PssCheck } from "../model.js";
import { containerNames, containersPhrase } from "../wording.js";
import { pssRule } from "../variants.js";

const v1_0: CheckImpl = {
  collect: (pod) =>
    pod.containers
      .filter((c) => c.securityContext?.["privileged"] === true)
      .map((c) => ({
        container: c.name,
        path: [...c.path, "securityContext", "privileged"],
        kind: "container",
        values: [],
      })),
  describe: (offenders) => ({
    reason: "privileged",
    detail: `${containersPhrase(containerNames(offenders))} must not set securityContext.privileged=true`,
  }),
};

export const privileged: PssCheck = {
  upstreamId: "privileged",
  level: "baseline",
  meta: pssRule("baseline", "privileged", {
    title: "Containers must not run privileged",
    why: "A privileged container has nearly all host capabilities and device access; it can take over the node.",
    fix: "Remove securityContext.privileged or set it to false.",
  }),
  versions: [{ since: 0, impl: v1_0 }],
};
