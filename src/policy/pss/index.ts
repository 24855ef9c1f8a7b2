/** Public API of the offline Pod Security Standards checks. */
export { evaluatePodSecurity, podSecurityVerdict, pssRules, activeChecks } from "./evaluate.js";
export type { PssOptions, PssVerdict, Violation } from "./evaluate.js";
export type { PssLevel } from "./model.js";
export { knownPssVersions, latestMinor, minorOf, parsePssVersion, requirePssVersion } from "./versions.js";
export type { PssVersion, PssVersionCheck } from "./versions.js";
export { evaluateWorkload } from "./workload.js";
export type { WorkloadViolation } from "./workload.js";
