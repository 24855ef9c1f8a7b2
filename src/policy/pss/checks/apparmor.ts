import type { CheckImpl, Offender, PssCheck } from "../model.js";
import { asRecord, asString, isWindowsPod } from "../pod-view.js";
import type { ContainerView, JsonRecord, PodView } from "../pod-view.js";
import { byCodeUnit, goQuote, joinQuote, pluralize, settersPhrase, sortedSet } from "../wording.js";
import { pssRule } from "../variants.js";

const annotationPrefix = "container.apparmor.security.beta.kubernetes.io/";
const allowedTypes = new Set(["RuntimeDefault", "Localhost"]);

const allowedAnnotation = (value: string): boolean =>
  value === "" || value === "runtime/default" || value.startsWith("localhost/");

/** The profile type, when the securityContext sets a profile whose type is not allowed. */
function badType(sc: JsonRecord | undefined): string | undefined {
  const profile = asRecord(sc?.["appArmorProfile"]);
  if (!profile) return undefined;
  const type = asString(profile["type"]);
  return allowedTypes.has(type) ? undefined : type;
}

const field = ["securityContext", "appArmorProfile", "type"];

/**
 * Before admission, the apiserver's Pod create strategy copies a container's deprecated AppArmor
 * annotation to its empty `appArmorProfile` field (Linux pods, unless the pod-level profile is
 * the same). Only "unconfined" yields a forbidden field; the annotation is reported anyway, so
 * this changes upstream's wording, never the verdict.
 */
function copiesUnconfinedAnnotation(pod: PodView, c: ContainerView): boolean {
  if (!pod.isPod || isWindowsPod(pod)) return false;
  if (pod.annotations[annotationPrefix + c.name] !== "unconfined") return false;
  if (asRecord(c.securityContext?.["appArmorProfile"])) return false;
  const podProfile = asRecord(pod.securityContext?.["appArmorProfile"]);
  const samePodProfile =
    podProfile !== undefined &&
    asString(podProfile["type"]) === "Unconfined" &&
    asString(podProfile["localhostProfile"]) === "";
  return !samePodProfile;
}

const v1_0: CheckImpl = {
  collect: (pod) => {
    const found: Offender[] = [];
    const podType = badType(pod.securityContext);
    if (podType !== undefined) {
      found.push({ path: ["spec", ...field], kind: "pod", values: [podType] });
    }
    for (const c of pod.containers) {
      const type = badType(c.securityContext);
      if (type !== undefined) {
        found.push({ container: c.name, path: [...c.path, ...field], kind: "container", values: [type] });
      } else if (copiesUnconfinedAnnotation(pod, c)) {
        const key = annotationPrefix + c.name;
        found.push({
          container: c.name,
          path: ["metadata", "annotations", key],
          kind: "container",
          values: ["Unconfined"],
          derived: true,
        });
      }
    }
    const keys = Object.keys(pod.annotations).sort(byCodeUnit);
    for (const key of keys) {
      const value = pod.annotations[key] ?? "";
      if (key.startsWith(annotationPrefix) && !allowedAnnotation(value)) {
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
    const annotations = offenders.filter((o) => o.kind === "annotation").flatMap((o) => o.values);
    const types = sortedSet(offenders.filter((o) => o.kind !== "annotation").flatMap((o) => o.values));
    const setters = [settersPhrase(offenders)].filter((s) => s !== "");
    if (annotations.length > 0) {
      setters.push(pluralize("annotation", "annotations", annotations.length));
    }
    const values = [...types, ...annotations.sort(byCodeUnit)];
    return {
      reason: pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", values.length),
      detail: `${setters.join(" and ")} must not set AppArmor profile type to ${joinQuote(values)}`,
    };
  },
};

export const appArmorProfile: PssCheck = {
  upstreamId: "appArmorProfile",
  level: "baseline",
  meta: pssRule("baseline", "apparmor", {
    title: "Pods must not disable or override the default AppArmor profile",
    why: "Without the runtime's AppArmor profile a container loses a layer of confinement on hosts that support it.",
    fix: 'Leave appArmorProfile unset or use type RuntimeDefault or Localhost (annotations: "runtime/default" or "localhost/*").',
  }),
  versions: [{ since: 0, impl: v1_0 }],
};
