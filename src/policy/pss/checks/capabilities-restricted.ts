import type { CheckImpl, Offender, PssCheck } from "../model.js";
import { asArray, asRecord, asString } from "../pod-view.js";
import { containerNames, containersPhrase, joinQuote, sortedSet } from "../wording.js";
import { exceptWindows, pssRule } from "../variants.js";
import { capabilitiesBaselineId } from "./capabilities-baseline.js";

const v1_22: CheckImpl = {
  collect: (pod) =>
    pod.containers.flatMap((c) => {
      const capabilities = asRecord(c.securityContext?.["capabilities"]);
      const at = [...c.path, "securityContext", "capabilities"];
      const missingDrop: Offender = { container: c.name, path: at, kind: "drop", values: [] };
      if (!capabilities) return [missingDrop];
      const found: Offender[] = [];
      const dropped = asArray(capabilities["drop"]).map(asString);
      if (!dropped.includes("ALL")) found.push({ ...missingDrop, path: [...at, "drop"] });
      const added = asArray(capabilities["add"]).map(asString);
      const forbidden = added.filter((cap) => cap !== "NET_BIND_SERVICE");
      if (forbidden.length > 0) {
        found.push({ container: c.name, path: [...at, "add"], kind: "add", values: forbidden });
      }
      return found;
    }),
  describe: (offenders) => {
    const details: string[] = [];
    const missing = containerNames(offenders, "drop");
    if (missing.length > 0) {
      details.push(`${containersPhrase(missing)} must set securityContext.capabilities.drop=["ALL"]`);
    }
    const adding = offenders.filter((o) => o.kind === "add");
    if (adding.length > 0) {
      const caps = sortedSet(adding.flatMap((o) => o.values));
      details.push(
        `${containersPhrase(containerNames(adding))} must not include ${joinQuote(caps)} in securityContext.capabilities.add`,
      );
    }
    return { reason: "unrestricted capabilities", detail: details.join("; ") };
  },
};

export const capabilitiesRestricted: PssCheck = {
  upstreamId: "capabilities_restricted",
  level: "restricted",
  meta: pssRule("restricted", "capabilities", {
    title: "Containers must drop ALL capabilities and may add back only NET_BIND_SERVICE",
    why: "Starting from no capabilities leaves a compromised process as little kernel power as possible.",
    fix: 'Set securityContext.capabilities.drop: ["ALL"] and add at most NET_BIND_SERVICE.',
  }),
  versions: [
    { since: 22, impl: v1_22, overrides: [capabilitiesBaselineId] },
    { since: 25, impl: exceptWindows(v1_22), overrides: [capabilitiesBaselineId] },
  ],
};
