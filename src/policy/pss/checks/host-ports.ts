import type { CheckImpl, PssCheck } from "../model.js";
import { asArray, asRecord, asString, isSet } from "../pod-view.js";
import { allValues, containerNames, containersPhrase, pluralize, sortedSet } from "../wording.js";
import { pssRule } from "../variants.js";

const v1_0: CheckImpl = {
  collect: (pod) =>
    pod.containers.flatMap((c) => {
      const ports: string[] = [];
      let first: string[] | undefined;
      asArray(c.fields["ports"]).forEach((item, index) => {
        const hostPort = asRecord(item)?.["hostPort"];
        if (isSet(hostPort) && hostPort !== 0) {
          ports.push(asString(hostPort));
          first ??= [...c.path, "ports", String(index), "hostPort"];
        }
      });
      return first ? [{ container: c.name, path: first, kind: "container", values: ports }] : [];
    }),
  describe: (offenders) => {
    const names = containerNames(offenders);
    const ports = sortedSet(allValues(offenders));
    return {
      reason: "hostPort",
      detail: `${containersPhrase(names)} ${pluralize("uses", "use", names.length)} ${pluralize("hostPort", "hostPorts", ports.length)} ${ports.join(", ")}`,
    };
  },
};

export const hostPorts: PssCheck = {
  upstreamId: "hostPorts",
  level: "baseline",
  meta: pssRule("baseline", "host-ports", {
    title: "Containers must not bind host ports",
    why: "A hostPort opens a port on the node itself, bypassing Services and NetworkPolicies.",
    fix: "Remove ports[*].hostPort (or set it to 0) and expose the container through a Service.",
  }),
  versions: [{ since: 0, impl: v1_0 }],
};
