import type { CheckImpl, Offender, PssCheck } from "../model.js";
import { allValues } from "../wording.js";
import { pssRule } from "../variants.js";

const fields = ["hostNetwork", "hostPID", "hostIPC"] as const;

const v1_0: CheckImpl = {
  collect: (pod) =>
    fields
      .filter((field) => pod.spec[field] === true)
      .map((field): Offender => ({
        path: ["spec", field],
        kind: "pod",
        values: [`${field}=true`],
      })),
  describe: (offenders) => ({ reason: "host namespaces", detail: allValues(offenders).join(", ") }),
};

export const hostNamespaces: PssCheck = {
  upstreamId: "hostNamespaces",
  level: "baseline",
  meta: pssRule("baseline", "host-namespaces", {
    title: "Pods must not share the host's network, PID or IPC namespace",
    why: "Host namespaces let a pod see and talk to every process and network interface on the node.",
    fix: "Remove spec.hostNetwork, spec.hostPID and spec.hostIPC or set them to false.",
  }),
  versions: [{ since: 0, impl: v1_0 }],
};
