import type { CheckImpl, PssCheck } from "../model.js";
import { asArray, asRecord, asString, isSet } from "../pod-view.js";
import { joinQuote, pluralize, sortedSet } from "../wording.js";
import { pssRule } from "../variants.js";
import { hostPathVolumesId } from "./host-path-volumes.js";

const allowedSources = [
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "image",
  "persistentVolumeClaim",
  "projected",
  "secret",
];

/** Forbidden sources, in the order upstream names the first one a volume uses. */
const forbiddenSources = [
  "hostPath",
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "gitRepo",
  "nfs",
  "iscsi",
  "glusterfs",
  "rbd",
  "flexVolume",
  "cinder",
  "cephfs",
  "flocker",
  "fc",
  "azureFile",
  "vsphereVolume",
  "quobyte",
  "azureDisk",
  "photonPersistentDisk",
  "portworxVolume",
  "scaleIO",
  "storageos",
];

const v1_0: CheckImpl = {
  collect: (pod) =>
    asArray(pod.spec["volumes"]).flatMap((item, index) => {
      const volume = asRecord(item) ?? {};
      if (allowedSources.some((source) => isSet(volume[source]))) return [];
      const type = forbiddenSources.find((source) => isSet(volume[source]));
      // The apiserver defaults a volume without any source to emptyDir before admission runs
      // (upstream's own fixtures rely on it), so such a volume is allowed here too.
      if (type === undefined) return [];
      return [
        {
          path: ["spec", "volumes", String(index), type],
          kind: type,
          values: [asString(volume["name"])],
        },
      ];
    }),
  describe: (offenders) => {
    const names = offenders.flatMap((o) => o.values);
    const types = sortedSet(offenders.map((o) => o.kind));
    return {
      reason: "restricted volume types",
      detail: `${pluralize("volume", "volumes", names.length)} ${joinQuote(names)} ${pluralize("uses", "use", names.length)} ${pluralize("restricted volume type", "restricted volume types", types.length)} ${joinQuote(types)}`,
    };
  },
};

export const restrictedVolumes: PssCheck = {
  upstreamId: "restrictedVolumes",
  level: "restricted",
  meta: pssRule("restricted", "volume-types", {
    title:
      "Pods may use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes",
    why: "Inline volume types such as nfs, iscsi or hostPath reach storage or host paths outside the cluster's control.",
    fix: "Use a PersistentVolumeClaim (backed by a StorageClass) or one of the allowed volume types.",
  }),
  versions: [{ since: 0, impl: v1_0, overrides: [hostPathVolumesId] }],
};
