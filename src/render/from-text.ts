import type { Catalog } from "../catalog/catalog.js";
import { BespokeInputError, diagnostic, type Diagnostic } from "../core/diagnostics.js";
import { planFromText } from "../plan/from-file.js";
import { planPlatform } from "../plan/plan.js";
import { resolveFacts } from "../spec/facts.js";
import type { Plan } from "../plan/types.js";
import { renderPlan } from "./render.js";
import { placeholderRepoUrl, type GitOpsFlavour, type RenderedTree } from "./types.js";

export interface RenderRequest {
  readonly gitops?: GitOpsFlavour;
  readonly repoUrl?: string;
  readonly revision?: string;
}

/**
 * Pure: platform.yaml text → rendered tree, or every problem as located diagnostics. A --gitops flag
 * that differs from the spec re-plans with it, so the plan's GitOps component matches the flavour.
 */
export function renderFromText(
  text: string,
  file: string,
  catalog: Catalog,
  req: RenderRequest = {},
): { ok: true; plan: Plan; tree: RenderedTree } | { ok: false; diagnostics: readonly Diagnostic[] } {
  const first = planFromText(text, file, catalog);
  if (!first.ok) return first;
  let plan = first.plan;
  if (req.gitops && req.gitops !== plan.facts.gitops) {
    const platform = { ...first.platform, spec: { ...first.platform.spec, gitops: req.gitops } };
    const again = planPlatform(platform, resolveFacts(platform), catalog);
    if (!again.ok) {
      return {
        ok: false,
        diagnostics: again.issues.map((i) => diagnostic(i.code, i.message, { file }, i.hint)),
      };
    }
    plan = again.plan;
  }
  const tree = renderPlan(plan, {
    gitops: plan.facts.gitops,
    repoUrl: req.repoUrl ?? placeholderRepoUrl(plan.platform),
    revision: req.revision ?? "main",
  });
  return { ok: true, plan, tree };
}

export function renderFromTextOrThrow(
  text: string,
  file: string,
  catalog: Catalog,
  req: RenderRequest = {},
): { plan: Plan; tree: RenderedTree } {
  const r = renderFromText(text, file, catalog, req);
  if (!r.ok) throw new BespokeInputError(r.diagnostics);
  return r;
}
