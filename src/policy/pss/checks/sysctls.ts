import type { CheckImpl, PssCheck } from "../model.js";
import { asArray, asRecord, asString } from "../pod-view.js";
import { allValues } from "../wording.js";
import { pssRule } from "../variants.js";

/** The "safe" sysctls grow with Kubernetes: each list adds to the previous one. */
const allowedSince: readonly [number, readonly string[]][] = [
  [
    0,
    [
      "kernel.shm_rmid_forced",
      "net.ipv4.ip_local_port_range",
      "net.ipv4.tcp_syncookies",
      "net.ipv4.ping_group_range",
      "net.ipv4.ip_unprivileged_port_start",
    ],
  ],
  [27, ["net.ipv4.ip_local_reserved_ports"]],
  [
    29,
    [
      "net.ipv4.tcp_keepalive_time",
      "net.ipv4.tcp_fin_timeout",
      "net.ipv4.tcp_keepalive_intvl",
      "net.ipv4.tcp_keepalive_probes",
    ],
  ],
  [32, ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"]],
  [37, ["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"]],
];

/** The sysctls allowed at a given minor version (exported for tests and docs). */
export function allowedSysctls(minor: number): ReadonlySet<string> {
  return new Set(allowedSince.filter(([since]) => since <= minor).flatMap(([, names]) => names));
}

function sysctlsAllowing(allowed: ReadonlySet<string>): CheckImpl {
  return {
    collect: (pod) =>
      asArray(pod.securityContext?.["sysctls"]).flatMap((item, index) => {
        const name = asString(asRecord(item)?.["name"]);
        if (allowed.has(name)) return [];
        return [
          {
            path: ["spec", "securityContext", "sysctls", String(index), "name"],
            kind: "pod",
            values: [name],
          },
        ];
      }),
    // Upstream lists them as written, duplicates included.
    describe: (offenders) => ({
      reason: "forbidden sysctls",
      detail: allValues(offenders).join(", "),
    }),
  };
}

export const sysctls: PssCheck = {
  upstreamId: "sysctls",
  level: "baseline",
  meta: pssRule("baseline", "sysctls", {
    title: "Pods may set only namespaced, safe sysctls",
    why: "Other sysctls can disable security mechanisms or affect every pod on the node.",
    fix: "Remove the sysctl from spec.securityContext.sysctls, or tune it on the node instead.",
  }),
  versions: allowedSince.map(([since]) => ({
    since,
    impl: sysctlsAllowing(allowedSysctls(since)),
  })),
};
