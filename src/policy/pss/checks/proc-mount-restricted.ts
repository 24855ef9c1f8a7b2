import type { PssCheck } from "../model.js";
import { pssRule } from "../variants.js";
import { procMountDefaultOnly, procMountId } from "./proc-mount.js";

/** From 1.35 baseline allows any procMount in a user namespace; restricted keeps the old rule. */
export const procMountRestricted: PssCheck = {
  upstreamId: "procMount_restricted",
  level: "restricted",
  meta: pssRule("restricted", "proc-mount", {
    title: "Containers must keep the default /proc mount, even in a user namespace",
    why: "Restricted keeps /proc masked for every pod; baseline relaxes this for user-namespaced pods from v1.35.",
    fix: 'Remove securityContext.procMount or set it to "Default".',
  }),
  versions: [{ since: 35, impl: procMountDefaultOnly, overrides: [procMountId] }],
};
