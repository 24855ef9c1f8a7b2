import type { CheckImpl, Offender, PssCheck } from "../model.js";
import { asArray, asRecord, asString, isSet } from "../pod-view.js";
import type { ContainerView, PodView } from "../pod-view.js";
import { allValues, containerNames, containersPhrase, pluralize, sortedSet } from "../wording.js";
import { pssRule } from "../variants.js";

/**
 * On Pods with hostNetwork the apiserver defaults each port's hostPort to its containerPort
 * before admission runs, so upstream's wording lists those too. They are marked derived: the
 * user did not write them and the host-namespaces finding already covers the cause.
 */
function defaultsHostPorts(pod: PodView): boolean {
  return pod.isPod && pod.spec["hostNetwork"] === true;
}

/** Ports of a container with a non-zero host port, as [value, path], the written ones first. */
function hostPortsOf(pod: PodView, c: ContainerView): { written: string[][]; defaulted: string[][] } {
  const written: string[][] = [];
  const defaulted: string[][] = [];
  asArray(c.fields["ports"]).forEach((item, index) => {
    const port = asRecord(item);
    const at = [...c.path, "ports", String(index)];
    const hostPort = port?.["hostPort"];
    if (isSet(hostPort) && hostPort !== 0) {
      written.push([asString(hostPort), ...at, "hostPort"]);
    } else if (defaultsHostPorts(pod)) {
      const containerPort = port?.["containerPort"];
      if (isSet(containerPort) && containerPort !== 0) {
        defaulted.push([asString(containerPort), ...at, "containerPort"]);
      }
    }
  });
  return { written, defaulted };
}

const v1_0: CheckImpl = {
  collect: (pod) =>
    pod.containers.flatMap((c) => {
      const { written, defaulted } = hostPortsOf(pod, c);
      const offenders: Offender[] = [];
      for (const [list, derived] of [
        [written, false],
        [defaulted, true],
      ] as const) {
        const first = list[0];
        if (!first) continue;
        const offender: Offender = {
          container: c.name,
          path: first.slice(1),
          kind: "container",
          values: list.map((p) => p[0] ?? ""),
        };
        offenders.push(derived ? { ...offender, derived: true } : offender);
      }
      return offenders;
    }),
  describe: (offenders) => {
    // A container may contribute a written and a defaulted offender; upstream names it once.
    const names = [...new Set(containerNames(offenders))];
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
