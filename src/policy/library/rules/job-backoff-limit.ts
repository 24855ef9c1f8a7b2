/** Jobs retry a bounded number of times. */
import type { LibraryRule } from "../rule.js";
import { res } from "../rule.js";

export const rule: LibraryRule = {
  meta: {
    id: "job-backoff-limit",
    severity: "info",
    title: "Jobs retry a bounded number of times",
    why: "A high backoffLimit keeps a broken Job creating pods for a long time.",
    fix: "Set spec.backoffLimit to 10 or less (default 6).",
    tags: ["vap"],
  },
  scope: "object",
  match: [res.jobs],
  check: "object.spec.?backoffLimit.orValue(6) <= 10",
  field: ["spec", "backoffLimit"],
  message: "backoffLimit is above 10",
};
