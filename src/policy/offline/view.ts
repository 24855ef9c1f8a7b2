/**
 * What the offline-only rules keep of each object while a check streams through its inputs. They
 * read metadata and workload-level fields (selectors, replicas, template labels, Service/Ingress/
 * HTTPRoute specs), never a pod spec's body, which is most of a workload's size; so a view keeps
 * the object with every pod spec emptied and without managedFields. The rules give the same
 * findings on views as on whole objects (test/property/offline-view.test.ts).
 */
import { podSpecsOf } from "../workloads/index.js";
import type { KubeObject } from "../vap/types.js";

type Rec = Record<string, unknown>;

export function offlineView(object: KubeObject): KubeObject {
  const metadata = object.metadata;
  let view: KubeObject = object;
  if (metadata && typeof metadata === "object" && "managedFields" in metadata) {
    const { managedFields: _dropped, ...rest } = metadata as Rec;
    view = { ...object, metadata: rest as NonNullable<KubeObject["metadata"]> };
  }
  for (const p of podSpecsOf(view)) view = replaceAt(view as Rec, [...p.path, "spec"], {}) as KubeObject;
  return view;
}

/** A copy of `root` with the value at `path` replaced, sharing every untouched branch. */
function replaceAt(root: Rec, path: readonly string[], value: unknown): Rec {
  const [key, ...rest] = path;
  if (key === undefined) return root;
  const child = root[key];
  return {
    ...root,
    [key]: rest.length === 0 ? value : replaceAt((child ?? {}) as Rec, rest, value),
  };
}
