import { stringify, type Pair } from "yaml";

// Kubernetes readers expect apiVersion/kind/metadata (and name/namespace) first; every other map is sorted so the
// same object always serialises to the same bytes, whatever order the code built it in.
const leading: Record<string, number> = { apiVersion: 0, kind: 1, metadata: 2, name: 3, namespace: 4 };

function keyOf(p: Pair): string {
  const k = p.key as unknown;
  if (k && typeof k === "object" && "value" in k) return String((k as { value: unknown }).value);
  return String(k);
}

function compare(a: Pair, b: Pair): number {
  const ka = keyOf(a);
  const kb = keyOf(b);
  const ra = leading[ka] ?? 5;
  const rb = leading[kb] ?? 5;
  if (ra !== rb) return ra - rb;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** One YAML document, deterministic: sorted keys, no line folding, no anchors. */
export function toYaml(value: unknown): string {
  return stringify(value, { sortMapEntries: compare, lineWidth: 0, aliasDuplicateObjects: false });
}

/** Several objects in one file, separated by `---`. */
export function toYamlDocs(values: readonly unknown[]): string {
  return values.map(toYaml).join("---\n");
}
