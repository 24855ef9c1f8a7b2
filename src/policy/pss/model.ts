/**
 * The shapes shared by every Pod Security Standards check. A check is split in two halves so the
 * same facts give both upstream's aggregated wording (one line per check, as the apiserver prints
 * it) and one finding per offending field (what a reviewer needs to find the line).
 */
import type { RuleMeta } from "../../report/finding.js";
import type { PodView } from "./pod-view.js";

export type PssLevel = "baseline" | "restricted";

/** One offending field of a pod. */
export interface Offender {
  /** Name of the container the field belongs to; absent for pod-level fields and annotations. */
  readonly container?: string;
  /** Field path inside the pod-like object (`metadata`/`spec` at the root). */
  readonly path: readonly string[];
  /** A check's own flavour of offence, e.g. "explicit" vs "implicit" for runAsNonRoot. */
  readonly kind: string;
  /** The forbidden values this offender contributes to the message. */
  readonly values: readonly string[];
  /**
   * Set when the apiserver derives this field from another offending field before admission
   * runs (e.g. an AppArmor annotation copied to the container's field): it shapes upstream's
   * wording but is not a separate finding for the user.
   */
  readonly derived?: true;
}

/** Upstream's CheckResult wording: `reason (detail)`. */
export interface Wording {
  readonly reason: string;
  readonly detail: string;
}

/** One versioned implementation of a check. */
export interface CheckImpl {
  collect(pod: PodView): Offender[];
  /** Words a non-empty list of offenders the way upstream words the whole check. */
  describe(offenders: readonly Offender[]): Wording;
}

export interface CheckVersion {
  /** Minor version of Kubernetes 1.x from which this implementation applies. */
  readonly since: number;
  readonly impl: CheckImpl;
  /** Upstream ids of baseline checks this restricted check replaces while it applies. */
  readonly overrides?: readonly string[];
}

export interface PssCheck {
  /** Upstream check id (k8s.io/pod-security-admission), used for ordering and overrides. */
  readonly upstreamId: string;
  readonly level: PssLevel;
  readonly meta: RuleMeta;
  /** Strictly increasing `since`; before the first one the check does not exist. */
  readonly versions: readonly CheckVersion[];
}
