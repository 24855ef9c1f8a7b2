import { catalogData } from "./components/index.js";
import { buildCatalog, type Catalog } from "./catalog.js";
import { formatDiagnostic } from "../core/diagnostics.js";

let cached: Catalog | undefined;

/** The catalog shipped with Bespoke, validated once per process. */
export function defaultCatalog(): Catalog {
  if (!cached) {
    const r = buildCatalog(catalogData);
    // A broken shipped catalog is our bug, not the user's input: fail loudly (exit 3).
    if (!r.ok)
      throw new Error("the built-in catalog is invalid:\n" + r.diagnostics.map(formatDiagnostic).join("\n"));
    cached = r.catalog;
  }
  return cached;
}
