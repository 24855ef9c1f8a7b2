/**
 * Upstream often adds a version of a check that is the older one plus an exemption. These wrap an
 * implementation instead of copying it, so each exemption lives in one place.
 */
import type { RuleMeta } from "../../report/finding.js";
import type { CheckImpl, PssLevel } from "./model.js";
import { inUserNamespace, isWindowsPod } from "./pod-view.js";
import type { PodView } from "./pod-view.js";

function exemptWhen(impl: CheckImpl, exempt: (pod: PodView) => boolean): CheckImpl {
  return {
    collect: (pod) => (exempt(pod) ? [] : impl.collect(pod)),
    describe: impl.describe,
  };
}

/** 1.25+: restricted Linux-only checks do not apply to pods with `spec.os.name: windows`. */
export const exceptWindows = (impl: CheckImpl): CheckImpl => exemptWhen(impl, isWindowsPod);

/** 1.35+: checks about root and /proc relax for pods in a user namespace (`hostUsers: false`). */
export const exceptUserNamespace = (impl: CheckImpl): CheckImpl => exemptWhen(impl, inUserNamespace);

const docs = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";

export function pssRule(
  level: PssLevel,
  name: string,
  text: { title: string; why: string; fix: string },
): RuleMeta {
  return {
    id: `pss-${level}-${name}`,
    severity: "error",
    title: text.title,
    why: text.why,
    fix: text.fix,
    helpUri: `${docs}#${level}`,
    tags: ["pss", `pss-${level}`],
  };
}
