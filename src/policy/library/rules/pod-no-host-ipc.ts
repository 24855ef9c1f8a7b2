/** Pods do not share the host IPC namespace. */
import type { LibraryRule } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "pod-no-host-ipc",
    severity: "error",
    title: "Pods do not share the host IPC namespace",
    why: "hostIPC lets the pod read shared memory of host processes.",
    fix: "Remove spec.hostIPC.",
    tags: ["vap"],
  },
  scope: "pod",
  check: "variables.podSpec.?hostIPC.orValue(false) == false",
  field: ["hostIPC"],
  message: "hostIPC is true",
};
