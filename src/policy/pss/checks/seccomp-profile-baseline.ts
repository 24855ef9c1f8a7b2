import type { CheckImpl, Offender, PssCheck } from "../model.js";
import { asRecord, asString } from "../pod-view.js";
import type { JsonRecord } from "../pod-view.js";
import { allValues, goQuote, joinQuote, pluralize, settersPhrase, sortedSet } from "../wording.js";
import { pssRule } from "../variants.js";

export const seccompBaselineId = "seccompProfile_baseline";

const podAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
const containerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/";

const allowedAnnotation = (value: string): boolean =>
  value === "runtime/default" || value === "docker/default" || value.startsWith("localhost/");

export const allowedSeccompTypes: ReadonlySet<string> = new Set(["RuntimeDefault", "Localhost"]);

/** The profile type when the securityContext sets a profile (even without a type). */
export function seccompType(sc: JsonRecord | undefined): string | undefined {
  const profile = asRecord(sc?.["seccompProfile"]);
  return profile ? asString(profile["type"]) : undefined;
}

export const seccompField = ["securityContext", "seccompProfile", "type"];

/** Before 1.19 seccomp was configured by alpha annotations only. */
const v1_0: CheckImpl = {
  collect: (pod) => {
    const keys = [podAnnotation, ...pod.containers.map((c) => containerAnnotationPrefix + c.name)];
    const found: Offender[] = [];
    for (const key of keys) {
      const value = pod.annotations[key];
      if (value !== undefined && !allowedAnnotation(value)) {
        found.push({
          path: ["metadata", "annotations", key],
          kind: "annotation",
          values: [`${key}=${goQuote(value)}`],
        });
      }
    }
    return found;
  },
  describe: (offenders) => {
    const values = sortedSet(allValues(offenders));
    return {
      reason: "seccompProfile",
      detail: `forbidden ${pluralize("annotation", "annotations", values.length)} ${values.join(", ")}`,
    };
  },
};

/** Offenders that explicitly set a forbidden type; shared with the restricted check. */
export function explicitSeccompOffenders(pod: Parameters<CheckImpl["collect"]>[0]): Offender[] {
  const found: Offender[] = [];
  const podType = seccompType(pod.securityContext);
  if (podType !== undefined && !allowedSeccompTypes.has(podType)) {
    found.push({ path: ["spec", ...seccompField], kind: "pod", values: [podType] });
  }
  for (const c of pod.containers) {
    const type = seccompType(c.securityContext);
    if (type !== undefined && !allowedSeccompTypes.has(type)) {
      found.push({
        container: c.name,
        path: [...c.path, ...seccompField],
        kind: "container",
        values: [type],
      });
    }
  }
  return found;
}

export function describeExplicitSeccomp(offenders: readonly Offender[]): string {
  return `${settersPhrase(offenders)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(allValues(offenders)))}`;
}

const v1_19: CheckImpl = {
  collect: explicitSeccompOffenders,
  describe: (offenders) => ({ reason: "seccompProfile", detail: describeExplicitSeccomp(offenders) }),
};

export const seccompProfileBaseline: PssCheck = {
  upstreamId: seccompBaselineId,
  level: "baseline",
  meta: pssRule("baseline", "seccomp-profile", {
    title: "Pods must not set the seccomp profile to Unconfined",
    why: "Seccomp filters the system calls a container may make; Unconfined removes that filter.",
    fix: "Leave seccompProfile unset or use type RuntimeDefault or Localhost.",
  }),
  versions: [
    { since: 0, impl: v1_0 },
    { since: 19, impl: v1_19 },
  ],
};
