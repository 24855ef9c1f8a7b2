import type { CheckImpl, Offender, PssCheck } from "../model.js";
import { asRecord } from "../pod-view.js";
import type { JsonRecord } from "../pod-view.js";
import { settersPhrase } from "../wording.js";
import { pssRule } from "../variants.js";

const isHostProcess = (sc: JsonRecord | undefined): boolean =>
  asRecord(sc?.["windowsOptions"])?.["hostProcess"] === true;

const field = ["securityContext", "windowsOptions", "hostProcess"];

const v1_0: CheckImpl = {
  collect: (pod) => {
    const found: Offender[] = [];
    if (isHostProcess(pod.securityContext)) {
      found.push({ path: ["spec", ...field], kind: "pod", values: [] });
    }
    for (const c of pod.containers) {
      if (isHostProcess(c.securityContext)) {
        found.push({ container: c.name, path: [...c.path, ...field], kind: "container", values: [] });
      }
    }
    return found;
  },
  describe: (offenders) => ({
    reason: "hostProcess",
    detail: `${settersPhrase(offenders)} must not set securityContext.windowsOptions.hostProcess=true`,
  }),
};

export const windowsHostProcess: PssCheck = {
  upstreamId: "windowsHostProcess",
  level: "baseline",
  meta: pssRule("baseline", "windows-host-process", {
    title: "Windows pods must not run as HostProcess containers",
    why: "A Windows HostProcess container runs directly on the node with host privileges.",
    fix: "Remove securityContext.windowsOptions.hostProcess or set it to false.",
  }),
  versions: [{ since: 0, impl: v1_0 }],
};
