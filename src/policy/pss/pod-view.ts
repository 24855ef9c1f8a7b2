/**
 * A read-only, tolerant view of a pod-like object as parsed from YAML or JSON. Checks read
 * untyped data, so every accessor treats a missing or null field as Go's zero value, which is
 * how the apiserver sees a field it decoded from the same input.
 */
export type JsonRecord = Readonly<Record<string, unknown>>;

export interface ContainerView {
  readonly name: string;
  /** Path of the container inside the pod-like object, e.g. ["spec", "containers", "0"]. */
  readonly path: readonly string[];
  readonly fields: JsonRecord;
  /** `securityContext`, when set. */
  readonly securityContext: JsonRecord | undefined;
}

export interface PodView {
  /** `kind: Pod`: the apiserver's Pod create strategy (not templates) applies. */
  readonly isPod: boolean;
  readonly annotations: Readonly<Record<string, string>>;
  readonly spec: JsonRecord;
  /** `spec.securityContext`, when set. */
  readonly securityContext: JsonRecord | undefined;
  /** Init, regular, then ephemeral containers: upstream's visiting order. */
  readonly containers: readonly ContainerView[];
}

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Go's view of an optional field: set unless missing or null. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A string field as Go decodes it: missing/null is "". */
export function asString(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value as number | boolean);
}

const containerLists = ["initContainers", "containers", "ephemeralContainers"] as const;

export function podView(podLike: unknown): PodView {
  const root = asRecord(podLike) ?? {};
  const metadata = asRecord(root["metadata"]) ?? {};
  const spec = asRecord(root["spec"]) ?? {};
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(asRecord(metadata["annotations"]) ?? {})) {
    annotations[key] = asString(value);
  }
  const containers: ContainerView[] = [];
  for (const list of containerLists) {
    asArray(spec[list]).forEach((item, index) => {
      const fields = asRecord(item) ?? {};
      containers.push({
        name: asString(fields["name"]),
        path: ["spec", list, String(index)],
        fields,
        securityContext: asRecord(fields["securityContext"]),
      });
    });
  }
  return {
    isPod: root["kind"] === "Pod",
    annotations,
    spec,
    securityContext: asRecord(spec["securityContext"]),
    containers,
  };
}

/** `spec.hostUsers: false` puts the pod in a user namespace; some checks relax then (1.35+). */
export function inUserNamespace(pod: PodView): boolean {
  return pod.spec["hostUsers"] === false;
}

/** `spec.os.name: windows`; restricted Linux-only checks skip such pods from 1.25. */
export function isWindowsPod(pod: PodView): boolean {
  return asRecord(pod.spec["os"])?.["name"] === "windows";
}
