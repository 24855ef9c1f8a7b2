/** CronJobs forbid or replace concurrent runs. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "cronjob-concurrency",
    severity: "warning",
    title: "CronJobs forbid or replace concurrent runs",
    why: "With Allow, a slow run overlaps the next and the jobs pile up.",
    fix: "Set spec.concurrencyPolicy: Forbid (or Replace).",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.cronjobs],
  check: "object.spec.?concurrencyPolicy.orValue('Allow') != 'Allow'",
  field: ["spec", "concurrencyPolicy"],
  message: "concurrencyPolicy is Allow",
};
