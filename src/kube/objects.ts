/**
 * The object operations tests and the factory need over any kind, built-in or custom:
 * server-side apply and server-side dry-run, answered as values rather than exceptions.
 */
import { PatchStrategy, type KubernetesObject, type KubernetesObjectApi } from "@kubernetes/client-node";
import { apiFailure } from "./errors.js";

export const FIELD_MANAGER = "bespoke";

export type Verdict =
  | { readonly allowed: true; readonly object: KubernetesObject }
  | { readonly allowed: false; readonly code: number; readonly reason: string; readonly message: string };

async function verdict(op: () => Promise<KubernetesObject>): Promise<Verdict> {
  try {
    return { allowed: true, object: await op() };
  } catch (err) {
    const f = apiFailure(err);
    if (!f) throw err;
    return { allowed: false, ...f };
  }
}

/** `kubectl create --dry-run=server`: admission (Pod Security, VAP, ...) and schema run, nothing is stored. */
export function dryRunCreate(api: KubernetesObjectApi, obj: KubernetesObject): Promise<Verdict> {
  return verdict(() => api.create(obj, undefined, "All", FIELD_MANAGER));
}

/** `kubectl apply --server-side --dry-run=server`. */
export function dryRunApply(api: KubernetesObjectApi, obj: KubernetesObject): Promise<Verdict> {
  return verdict(() => api.patch(obj, undefined, "All", FIELD_MANAGER, true, PatchStrategy.ServerSideApply));
}

/** `kubectl apply --server-side --force-conflicts`; throws on rejection. */
export function serverSideApply(
  api: KubernetesObjectApi,
  obj: KubernetesObject,
  fieldManager = FIELD_MANAGER,
): Promise<KubernetesObject> {
  return api.patch(obj, undefined, undefined, fieldManager, true, PatchStrategy.ServerSideApply);
}

/** Reads the live object that `obj` names; undefined when it does not exist. */
export async function readIfExists(
  api: KubernetesObjectApi,
  obj: KubernetesObject,
): Promise<KubernetesObject | undefined> {
  const name = obj.metadata?.name;
  if (!obj.apiVersion || !obj.kind || !name)
    throw new Error("readIfExists needs apiVersion, kind and metadata.name");
  const namespace = obj.metadata?.namespace;
  try {
    return await api.read({
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      metadata: namespace ? { name, namespace } : { name },
    });
  } catch (err) {
    if (apiFailure(err)?.code === 404) return undefined;
    throw err;
  }
}
