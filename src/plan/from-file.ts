import { BespokeInputError, diagnostic, type Diagnostic } from "../core/diagnostics.js";
import { parsePlatform } from "../spec/parse.js";
import { resolveFacts } from "../spec/facts.js";
import type { Catalog } from "../catalog/catalog.js";
import { planPlatform } from "./plan.js";
import type { Plan } from "./types.js";
import type { Platform } from "../spec/schema.js";

/**
 * Pure: platform.yaml text → plan, or every problem as diagnostics with file:line:col.
 * Shared by `plan`, `render` and `advise`, so they reject bad input the same way.
 */
export function planFromText(
  text: string,
  file: string,
  catalog: Catalog,
): { ok: true; plan: Plan; platform: Platform } | { ok: false; diagnostics: readonly Diagnostic[] } {
  const parsed = parsePlatform(text, file);
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
  const result = planPlatform(parsed.platform, resolveFacts(parsed.platform), catalog);
  if (!result.ok) {
    return {
      ok: false,
      diagnostics: result.issues.map((i) =>
        diagnostic(i.code, i.message, i.specPath ? parsed.source.locate(i.specPath) : { file }, i.hint),
      ),
    };
  }
  return { ok: true, plan: result.plan, platform: parsed.platform };
}

export function planFromTextOrThrow(
  text: string,
  file: string,
  catalog: Catalog,
): { plan: Plan; platform: Platform } {
  const r = planFromText(text, file, catalog);
  if (!r.ok) throw new BespokeInputError(r.diagnostics);
  return r;
}
