/** CronJobs set startingDeadlineSeconds. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "cronjob-starting-deadline",
    severity: "info",
    title: "CronJobs set startingDeadlineSeconds",
    why: "Without a deadline a controller outage makes the CronJob try to catch up on missed runs, or stop scheduling after 100 misses.",
    fix: "Set spec.startingDeadlineSeconds (e.g. 300).",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.cronjobs],
  check: "has(object.spec.startingDeadlineSeconds)",
  field: ["spec"],
  message: "startingDeadlineSeconds is not set",
};
