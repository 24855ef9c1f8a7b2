/**
 * The object operations tests and the factory need over any kind, built-in or custom:
 * create, server-side apply and server-side dry-run, sent byte-for-byte as given (see raw.ts)
 * and answered as values rather than exceptions.
 */
import type { KubernetesObject } from "@kubernetes/client-node";
import type { RawKubeClient, RawResponse } from "./raw.js";

export const FIELD_MANAGER = "bespoke";

export type Verdict =
  | { readonly allowed: true; readonly object: KubernetesObject }
  | { readonly allowed: false; readonly code: number; readonly reason: string; readonly message: string };

interface StatusBody {
  message?: string;
  reason?: string;
}

function verdict(r: RawResponse): Verdict {
  if (r.status >= 200 && r.status < 300) return { allowed: true, object: r.body as KubernetesObject };
  const s = (
    typeof r.body === "object" && r.body !== null ? r.body : { message: String(r.body) }
  ) as StatusBody;
  return { allowed: false, code: r.status, reason: s.reason ?? "", message: s.message ?? `HTTP ${r.status}` };
}

export class KubeRequestError extends Error {
  constructor(
    readonly verdict: Extract<Verdict, { allowed: false }>,
    what: string,
  ) {
    super(`${what}: ${verdict.message} (HTTP ${verdict.code})`);
    this.name = "KubeRequestError";
  }
}

function orThrow(v: Verdict, what: string): KubernetesObject {
  if (!v.allowed) throw new KubeRequestError(v, what);
  return v.object;
}

const describe = (o: KubernetesObject) =>
  `${o.kind ?? "?"} ${o.metadata?.namespace ? `${o.metadata.namespace}/` : ""}${o.metadata?.name ?? ""}`;

export async function create(c: RawKubeClient, obj: KubernetesObject, dryRun = false): Promise<Verdict> {
  const q = new URLSearchParams({ fieldManager: FIELD_MANAGER, ...(dryRun ? { dryRun: "All" } : {}) });
  return verdict(await c.request("POST", `${await c.pathOf(obj, false)}?${q}`, obj));
}

export async function apply(
  c: RawKubeClient,
  obj: KubernetesObject,
  opts: { dryRun?: boolean; fieldManager?: string } = {},
): Promise<Verdict> {
  const q = new URLSearchParams({
    fieldManager: opts.fieldManager ?? FIELD_MANAGER,
    force: "true",
    ...(opts.dryRun ? { dryRun: "All" } : {}),
  });
  // JSON is valid YAML, so the apply-patch content type takes the object as JSON.
  return verdict(
    await c.request("PATCH", `${await c.pathOf(obj, true)}?${q}`, obj, "application/apply-patch+yaml"),
  );
}

/** `kubectl create --dry-run=server`: admission (Pod Security, VAP, ...) and schema run, nothing is stored. */
export const dryRunCreate = (c: RawKubeClient, obj: KubernetesObject): Promise<Verdict> =>
  create(c, obj, true);

/** `kubectl apply --server-side --dry-run=server`. */
export const dryRunApply = (c: RawKubeClient, obj: KubernetesObject): Promise<Verdict> =>
  apply(c, obj, { dryRun: true });

/** `kubectl apply --server-side --force-conflicts`; throws KubeRequestError on rejection. */
export async function serverSideApply(
  c: RawKubeClient,
  obj: KubernetesObject,
  fieldManager = FIELD_MANAGER,
): Promise<KubernetesObject> {
  return orThrow(await apply(c, obj, { fieldManager }), `apply ${describe(obj)}`);
}

/** Reads the live object that `obj` names; undefined when it does not exist. */
export async function readIfExists(
  c: RawKubeClient,
  obj: KubernetesObject,
): Promise<KubernetesObject | undefined> {
  const r = await c.request("GET", await c.pathOf(obj, true));
  if (r.status === 404) return undefined;
  return orThrow(verdict(r), `read ${describe(obj)}`);
}

/** Deletes with background propagation (the garbage collector removes dependents). */
export async function remove(c: RawKubeClient, obj: KubernetesObject): Promise<void> {
  const r = await c.request("DELETE", await c.pathOf(obj, true), { propagationPolicy: "Background" });
  if (r.status !== 404) orThrow(verdict(r), `delete ${describe(obj)}`);
}
