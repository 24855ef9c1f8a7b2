import { CatalogEntry, type CatalogEntryInput } from "./schema.js";
import { diagnostic, type Diagnostic } from "../core/diagnostics.js";
import { Codes } from "../core/codes.js";

/** A validated catalog with the look-ups the planner and the CLI need. */
export interface Catalog {
  readonly entries: readonly CatalogEntry[];
  get(id: string): CatalogEntry | undefined;
  /** Current entries whose id or `provides` equals `capability`. */
  providersOf(capability: string): readonly CatalogEntry[];
}

export type BuildResult =
  | { readonly ok: true; readonly catalog: Catalog }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Validates raw entries (schema, unique ids, references) and indexes them. Pure: the data comes in.
 * `file` names where the data lives, for diagnostics (src/catalog/components/<id>.ts).
 */
export function buildCatalog(data: readonly CatalogEntryInput[]): BuildResult {
  const diags: Diagnostic[] = [];
  const entries: CatalogEntry[] = [];
  const seen = new Set<string>();
  data.forEach((raw, i) => {
    const name = typeof raw === "object" && raw && "id" in raw ? String(raw.id) : `#${i}`;
    const file = `src/catalog/components/${name}.ts`;
    const r = CatalogEntry.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) {
        diags.push(
          diagnostic(
            Codes.catalogInvalid,
            `catalog entry ${name}: ${issue.path.join(".") || "(entry)"}: ${issue.message}`,
            { file },
            "fix the data module; the schema is src/catalog/schema.ts",
          ),
        );
      }
      return;
    }
    if (seen.has(r.data.id)) {
      diags.push(
        diagnostic(Codes.catalogDuplicateId, `duplicate catalog id ${r.data.id}`, { file }, "ids are unique"),
      );
      return;
    }
    seen.add(r.data.id);
    entries.push(r.data);
  });
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const providers = new Map<string, CatalogEntry[]>();
  for (const e of entries) {
    if (e.status !== "current") continue;
    for (const cap of new Set([e.id, ...e.provides])) {
      const list = providers.get(cap) ?? [];
      list.push(e);
      providers.set(cap, list);
    }
  }
  for (const e of entries) {
    const file = `src/catalog/components/${e.id}.ts`;
    for (const r of e.requires) {
      if (!providers.has(r)) {
        diags.push(
          diagnostic(
            Codes.catalogUnknownReference,
            `${e.id} requires "${r}", which no current entry is or provides`,
            { file },
            "name a catalog id or a capability some entry lists in `provides`",
          ),
        );
      }
    }
    for (const c of e.conflicts) {
      if (!byId.has(c)) {
        diags.push(
          diagnostic(Codes.catalogUnknownReference, `${e.id} conflicts with unknown id "${c}"`, { file }),
        );
      }
    }
    if (e.replacement !== undefined) {
      const rep = byId.get(e.replacement);
      if (!rep || rep.status !== "current") {
        diags.push(
          diagnostic(
            Codes.catalogUnknownReference,
            `${e.id} names replacement "${e.replacement}", which is not a current entry`,
            { file },
          ),
        );
      }
    }
  }
  if (diags.length > 0) return { ok: false, diagnostics: diags };
  return {
    ok: true,
    catalog: {
      entries,
      get: (id) => byId.get(id),
      providersOf: (cap) => providers.get(cap) ?? [],
    },
  };
}
