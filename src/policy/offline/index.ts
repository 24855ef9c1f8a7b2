/** Every offline-only rule, sorted by id. */
import type { OfflineRule } from "./model.js";
import { rule as duplicateHost } from "./rules/xo-duplicate-host.js";
import { rule as hpaMissingTarget } from "./rules/xo-hpa-missing-target.js";
import { rule as netpolCoverage } from "./rules/xo-netpol-coverage.js";
import { rule as pdbMissing } from "./rules/xo-pdb-missing.js";
import { rule as pdbNoMatch } from "./rules/xo-pdb-no-match.js";
import { rule as serviceNoPods } from "./rules/xo-service-no-pods.js";

export const offlineRules: readonly OfflineRule[] = [
  duplicateHost,
  hpaMissingTarget,
  netpolCoverage,
  pdbMissing,
  pdbNoMatch,
  serviceNoPods,
];
export type { OfflineFinding, OfflineObject, OfflineRule } from "./model.js";
