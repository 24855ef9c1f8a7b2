import type { CheckImpl, PssCheck } from "../model.js";
import { asArray, asRecord, asString, isSet } from "../pod-view.js";
import { allValues, joinQuote, pluralize } from "../wording.js";
import { pssRule } from "../variants.js";

export const hostPathVolumesId = "hostPathVolumes";

const v1_0: CheckImpl = {
  collect: (pod) =>
    asArray(pod.spec["volumes"]).flatMap((item, index) => {
      const volume = asRecord(item) ?? {};
      if (!isSet(volume["hostPath"])) return [];
      return [
        {
          path: ["spec", "volumes", String(index), "hostPath"],
          kind: "volume",
          values: [asString(volume["name"])],
        },
      ];
    }),
  describe: (offenders) => {
    const names = allValues(offenders);
    return {
      reason: "hostPath volumes",
      detail: `${pluralize("volume", "volumes", names.length)} ${joinQuote(names)}`,
    };
  },
};

export const hostPathVolumes: PssCheck = {
  upstreamId: hostPathVolumesId,
  level: "baseline",
  meta: pssRule("baseline", "host-path-volumes", {
    title: "Pods must not mount hostPath volumes",
    why: "A hostPath volume exposes the node's filesystem to the pod, a common path to node takeover.",
    fix: "Use a PersistentVolumeClaim, emptyDir, configMap or secret volume instead of hostPath.",
  }),
  versions: [{ since: 0, impl: v1_0 }],
};
