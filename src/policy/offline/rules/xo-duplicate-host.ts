/** The same host and path claimed by two Ingresses/HTTPRoutes, possibly in different files. */
import type { OfflineFinding, OfflineObject, OfflineRule } from "../model.js";

interface Claim {
  readonly key: string;
  readonly owner: OfflineObject;
  readonly path: readonly (string | number)[];
}

type Rec = Record<string, unknown>;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Rec => (typeof v === "object" && v !== null ? (v as Rec) : {});
const str = (v: unknown, d: string): string => (typeof v === "string" && v !== "" ? v : d);

function claims(o: OfflineObject): Claim[] {
  const spec = rec(o.object.spec);
  if (o.object.kind === "Ingress") {
    return arr(spec.rules).flatMap((r, i) => {
      const host = str(rec(r).host, "");
      if (host === "") return [];
      const paths = arr(rec(rec(r).http).paths);
      if (paths.length === 0) return [{ key: `${host} /`, owner: o, path: ["spec", "rules", i, "host"] }];
      return paths.map((p) => ({
        key: `${host.toLowerCase()} ${str(rec(p).path, "/")}`,
        owner: o,
        path: ["spec", "rules", i, "host"],
      }));
    });
  }
  if (o.object.kind === "HTTPRoute") {
    const paths = arr(spec.rules).flatMap((r) =>
      arr(rec(r).matches).map((m) => str(rec(rec(m).path).value, "/")),
    );
    return arr(spec.hostnames).flatMap((h, i) =>
      (paths.length ? paths : ["/"]).map((p) => ({
        key: `${str(h, "").toLowerCase()} ${p}`,
        owner: o,
        path: ["spec", "hostnames", i],
      })),
    );
  }
  return [];
}

export const rule: OfflineRule = {
  meta: {
    id: "xo-duplicate-host",
    severity: "error",
    title: "Ingress and HTTPRoute hosts are unique across files",
    why: "Two objects claiming the same host and path make the controller pick one at random; traffic silently goes to the wrong team.",
    fix: "Give each host/path to exactly one Ingress or HTTPRoute; merge or rename the others.",
    tags: ["offline-only"],
  },
  check(objects) {
    const byKey = new Map<string, Claim[]>();
    for (const c of objects.flatMap(claims)) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
    const out: OfflineFinding[] = [];
    for (const [key, list] of byKey) {
      const owners = new Set(list.map((c) => c.owner.index));
      if (owners.size < 2) continue;
      for (const c of list) {
        const others = list
          .filter((x) => x.owner.index !== c.owner.index)
          .map((x) => `${x.owner.object.kind}/${String(x.owner.object.metadata?.name ?? "")}`);
        out.push({
          index: c.owner.index,
          message: `host and path ${key} are also claimed by ${[...new Set(others)].sort().join(", ")}`,
          path: c.path,
        });
      }
    }
    return out;
  },
};
