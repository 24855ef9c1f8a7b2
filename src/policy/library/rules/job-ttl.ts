/** Jobs are cleaned up after they finish. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "job-ttl",
    severity: "info",
    title: "Jobs are cleaned up after they finish",
    why: "Finished Jobs and their pods pile up in etcd and in every listing.",
    fix: "Set spec.ttlSecondsAfterFinished (CronJob-owned Jobs are cleaned by the history limits).",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.jobs],
  check:
    "object.metadata.?ownerReferences.orValue([]).exists(o, o.kind == 'CronJob') || has(object.spec.ttlSecondsAfterFinished)",
  field: ["spec"],
  message: "ttlSecondsAfterFinished is not set",
};
