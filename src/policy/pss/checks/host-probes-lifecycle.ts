import type { CheckImpl, PssCheck } from "../model.js";
import { asRecord, asString } from "../pod-view.js";
import type { JsonRecord } from "../pod-view.js";
import { allValues, containerNames, joinQuote, pluralize, sortedSet } from "../wording.js";
import { pssRule } from "../variants.js";

/** Handler fields that may carry a `host`, in the order upstream inspects them. */
const handlers: readonly (readonly string[])[] = [
  ["livenessProbe"],
  ["readinessProbe"],
  ["startupProbe"],
  ["lifecycle", "postStart"],
  ["lifecycle", "preStop"],
];

function hostsOf(container: JsonRecord, at: readonly string[]): [string, string[]][] {
  let handler: JsonRecord | undefined = container;
  for (const key of at) handler = asRecord(handler?.[key]);
  const found: [string, string[]][] = [];
  for (const kind of ["httpGet", "tcpSocket"]) {
    const host = asString(asRecord(handler?.[kind])?.["host"]);
    if (host !== "") found.push([host, [...at, kind, "host"]]);
  }
  return found;
}

const v1_34: CheckImpl = {
  collect: (pod) =>
    pod.containers.flatMap((c) => {
      const found = handlers.flatMap((at) => hostsOf(c.fields, at));
      const first = found[0];
      if (!first) return [];
      return [
        {
          container: c.name,
          path: [...c.path, ...first[1]],
          kind: "container",
          values: found.map(([host]) => host),
        },
      ];
    }),
  describe: (offenders) => {
    // Upstream keeps both lists as sorted sets here, unlike most checks.
    const names = sortedSet(containerNames(offenders));
    const hosts = sortedSet(allValues(offenders));
    return {
      reason: "probe or lifecycle host",
      detail: `${pluralize("container", "containers", names.length)} ${joinQuote(names)} ${pluralize("uses", "use", names.length)} ${pluralize("probe or lifecycle host", "probe or lifecycle hosts", hosts.length)} ${joinQuote(hosts)}`,
    };
  },
};

export const hostProbesAndHostLifecycle: PssCheck = {
  upstreamId: "hostProbesAndHostLifecycle",
  level: "baseline",
  meta: pssRule("baseline", "host-probes-lifecycle", {
    title: "Probes and lifecycle hooks must not target another host",
    why: "The kubelet runs probes and hooks from the node; a custom host turns them into a request forgery tool.",
    fix: "Remove httpGet.host and tcpSocket.host from probes and lifecycle handlers (they default to the pod IP).",
  }),
  versions: [{ since: 34, impl: v1_34 }],
};
