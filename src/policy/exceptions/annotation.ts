/**
 * Exceptions are annotations, so they travel with the object through Git review and are read by
 * the same CEL in the cluster and offline:
 *
 *   bespoke.dev/exception.<rule-id>: "reason=needs raw sockets; expires=2027-01-31; containers=a,b"
 *
 * - `reason` is required and must not be blank; without it the annotation is ignored.
 * - `expires` (optional, YYYY-MM-DD, UTC) keeps the exception valid through that whole day.
 * - `containers` (optional, comma-separated) narrows a container rule's exception to those containers.
 * Placed on the object (or, for workloads, on the pod template, which pods inherit) or on the Namespace.
 * "Now" is the request time in the cluster (the newest timestamp the apiserver stamped on the object:
 * creationTimestamp on create, the managedFields time on update) and `--now` offline.
 */

export const exceptionPrefix = "bespoke.dev/exception.";

export function exceptionKey(ruleId: string): string {
  return exceptionPrefix + ruleId;
}

export interface ParsedException {
  readonly reason: string;
  readonly expires?: string;
  readonly containers?: readonly string[];
}

export type ExceptionProblem = "missing-reason" | "bad-expires";

/** The TS twin of the CEL below, used to explain (not decide) why an exception was ignored. */
export function parseException(value: string): ParsedException | ExceptionProblem {
  const fields = new Map<string, string>();
  for (const part of value.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const reason = fields.get("reason") ?? "";
  if (reason === "") return "missing-reason";
  const expires = fields.get("expires");
  if (expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(expires)) return "bad-expires";
  const containers = fields
    .get("containers")
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return {
    reason,
    ...(expires !== undefined ? { expires } : {}),
    ...(containers !== undefined ? { containers } : {}),
  };
}

/** True when the exception is still valid at `nowIso` (RFC 3339). */
export function isUnexpired(e: ParsedException, nowIso: string): boolean {
  // An RFC 3339 time sorts after "<date>T99" exactly when its date is later than <date>.
  return e.expires === undefined || !(nowIso > `${e.expires}T99`);
}

/**
 * CEL: is the annotation value `v` (an expression) a valid, unexpired exception? `variables.times`
 * holds the request times as RFC 3339 strings.
 */
export function celValidException(v: string): string {
  return (
    `(${v}.matches('(^|;)\\\\s*reason\\\\s*=\\\\s*[^;\\\\s]') && ` +
    `(!${v}.matches('(^|;)\\\\s*expires\\\\s*=') || ` +
    `${v}.matches('(^|;)\\\\s*expires\\\\s*=\\\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\\\s*(;|$)')) && ` +
    `!${v}.split(';').exists(p, p.trim().startsWith('expires') && p.contains('=') && ` +
    `variables.times.exists(t, t > p.split('=')[1].trim() + 'T99')))`
  );
}

/** CEL: does the valid exception `v` name container `c` (or name no containers at all)? */
export function celCoversContainer(v: string, c: string): string {
  return (
    `(!${v}.matches('(^|;)\\\\s*containers\\\\s*=') || ${v}.split(';').exists(p, ` +
    `p.trim().startsWith('containers') && p.contains('=') && ` +
    `p.split('=')[1].split(',').exists(n, n.trim() == ${c}.name)))`
  );
}
