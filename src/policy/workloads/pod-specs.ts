/**
 * Where the pods are in a workload object. Pod Security admission checks the pod template of
 * every workload kind it knows (it warns on them, it enforces on Pods); offline we check them
 * all alike so a team sees the problem on the Deployment, not later on its Pods.
 */

export interface PodSpecLocation {
  /** The pod spec (`spec` of the pod-like object). */
  readonly podSpec: Readonly<Record<string, unknown>>;
  /** The pod's metadata (labels, annotations); `{}` when the object has none. */
  readonly podMetadata: Readonly<Record<string, unknown>>;
  /**
   * Path from the object's root to the pod-like object: [] for a Pod, ["spec", "template"] for
   * a Deployment. Its spec is at [...path, "spec"], its metadata at [...path, "metadata"].
   */
  readonly path: readonly string[];
}

type Kind = { readonly groups: readonly string[]; readonly template: readonly string[] };

/** API groups of each kind (historical beta groups included), and where its pod lives. */
const workloadKinds: Readonly<Record<string, Kind>> = {
  Pod: { groups: [""], template: [] },
  PodTemplate: { groups: [""], template: ["template"] },
  ReplicationController: { groups: [""], template: ["spec", "template"] },
  ReplicaSet: { groups: ["apps", "extensions"], template: ["spec", "template"] },
  Deployment: { groups: ["apps", "extensions"], template: ["spec", "template"] },
  StatefulSet: { groups: ["apps"], template: ["spec", "template"] },
  DaemonSet: { groups: ["apps", "extensions"], template: ["spec", "template"] },
  Job: { groups: ["batch"], template: ["spec", "template"] },
  CronJob: { groups: ["batch"], template: ["spec", "jobTemplate", "spec", "template"] },
};

/** The kinds `podSpecsOf` understands, sorted. */
export const podBearingKinds: readonly string[] = Object.keys(workloadKinds).sort();

function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Readonly<Record<string, unknown>>)
    : undefined;
}

/** "apps/v1" → "apps", "v1" → "" (the core group). */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? "" : apiVersion.slice(0, slash);
}

/**
 * The pod specs inside an object: one for the kinds above, none for anything else (including a
 * custom resource that reuses a built-in kind name in its own API group). An object without
 * apiVersion is matched by kind alone. A template without a spec yields nothing.
 */
export function podSpecsOf(object: unknown): PodSpecLocation[] {
  const root = record(object);
  if (!root) return [];
  const kind = typeof root["kind"] === "string" ? workloadKinds[root["kind"]] : undefined;
  if (!kind) return [];
  const apiVersion = root["apiVersion"];
  if (typeof apiVersion === "string" && !kind.groups.includes(groupOf(apiVersion))) return [];
  let podLike: Readonly<Record<string, unknown>> | undefined = root;
  for (const key of kind.template) podLike = record(podLike?.[key]);
  const podSpec = record(podLike?.["spec"]);
  if (!podLike || !podSpec) return [];
  return [{ podSpec, podMetadata: record(podLike["metadata"]) ?? {}, path: kind.template }];
}
