import type { CatalogEntryInput } from "../../src/catalog/schema.js";

/** A minimal valid catalog entry for planner tests; override what the test is about. */
export function entry(id: string, over: Partial<CatalogEntryInput> = {}): CatalogEntryInput {
  return {
    id,
    area: "monitoring",
    name: `Component ${id}`,
    description: `Test component ${id} used by the planner tests.`,
    levels: { SUP: "recommended", MBU: "recommended", ENT: "recommended" },
    seed: { said: "the recipe mentions it" },
    status: "current",
    verified: "2026-11-25",
    sources: ["https://example.org/" + id],
    install: { kind: "helm", repo: "https://charts.example.org", chart: id, version: "1.0.0" },
    runtime: { namespace: id, podSecurity: "restricted", needsApiServer: false },
    ...over,
  };
}
