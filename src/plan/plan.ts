import type { CatalogEntry, Condition, Level, TargetGroup } from "../catalog/schema.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Facts } from "../spec/facts.js";
import type { Override, Platform } from "../spec/schema.js";
import type { FactName } from "../catalog/schema.js";
import { Codes } from "../core/codes.js";
import { closest } from "../core/closest.js";
import { firstFailing, firstHolding, holds } from "./conditions.js";
import { computeWaves } from "./waves.js";
import type {
  Plan,
  PlanConflict,
  PlanIssue,
  PlanResult,
  PlannedComponent,
  SkippedComponent,
  Via,
} from "./types.js";

export const groupWords: Record<TargetGroup, string> = {
  SUP: "a small company (SUP)",
  MBU: "a medium business unit (MBU)",
  ENT: "an enterprise (ENT)",
};

const levelRank: Record<Level, number> = { mandatory: 0, recommended: 1, optional: 2, "not-needed": 3 };

interface Candidate {
  readonly entry: CatalogEntry;
  via: Via;
  reason: string;
  readonly forced: boolean;
}

/**
 * Pure planner: (platform, resolved facts, catalog) → plan. Every pick and every skip carries a reason;
 * install waves follow `requires`; alternatives and conflicts are settled with the reason said.
 */
export function planPlatform(
  platform: Platform,
  resolved: { facts: Facts; assumed: readonly FactName[] },
  catalog: Catalog,
): PlanResult {
  const { facts } = resolved;
  const group = facts.targetGroup;
  const issues: PlanIssue[] = [];
  const warnings: string[] = [];
  const overrides = new Map<string, { o: Override; index: number }>();

  (platform.spec.overrides ?? []).forEach((o, index) => {
    const entry = catalog.get(o.component);
    if (!entry) {
      const guess = closest(
        o.component,
        catalog.entries.map((e) => e.id),
      );
      issues.push({
        code: Codes.specUnknownComponent,
        message: `unknown component "${o.component}"`,
        hint: guess
          ? `did you mean "${guess}"? (see \`bespoke catalog list\`)`
          : "see `bespoke catalog list` for ids",
        specPath: ["spec", "overrides", index, "component"],
      });
      return;
    }
    const prev = overrides.get(o.component);
    if (prev && prev.o.include !== o.include) {
      issues.push({
        code: Codes.specOverrideConflict,
        message: `overrides for "${o.component}" both include and exclude it`,
        hint: "keep one override per component",
        specPath: ["spec", "overrides", index],
      });
      return;
    }
    overrides.set(o.component, { o, index });
  });

  const candidates = new Map<string, Candidate>();
  const skipped = new Map<string, SkippedComponent>();
  const skip = (e: CatalogEntry, reason: string) => {
    candidates.delete(e.id);
    skipped.set(e.id, { id: e.id, area: e.area, name: e.name, level: e.levels[group], reason });
  };
  const gw = groupWords[group];

  for (const e of catalog.entries) {
    const level = e.levels[group];
    const ov = overrides.get(e.id);
    if (ov) {
      if (!ov.o.include) {
        skip(e, `left out by your override: ${ov.o.reason}`);
        continue;
      }
      if (e.status !== "current") {
        warnings.push(
          `${e.id} is ${e.status}${e.replacement ? ` (use ${e.replacement})` : ""}; included only because of your override`,
        );
      }
      candidates.set(e.id, {
        entry: e,
        via: "override",
        reason: `added by your override: ${ov.o.reason}`,
        forced: true,
      });
      continue;
    }
    if (e.status !== "current") {
      skip(
        e,
        `${e.status}: ${e.statusReason ?? ""}${e.replacement ? ` Use ${catalog.get(e.replacement)?.name ?? e.replacement} instead.` : ""}`.trim(),
      );
      continue;
    }
    const failing = firstFailing(e.onlyWhen, facts);
    if (failing) {
      skip(e, `not needed: ${failing.otherwise}`);
      continue;
    }
    const onlyBecause = e.onlyWhen.map((c) => c.because);
    const whyOnly = onlyBecause.length ? ` because ${onlyBecause.join(" and ")}` : "";
    switch (level) {
      case "mandatory":
      case "recommended":
        candidates.set(e.id, {
          entry: e,
          via: "level",
          reason: `${level} for ${gw}${whyOnly}: ${purpose(e)}`,
          forced: false,
        });
        break;
      case "optional": {
        const trigger = firstHolding(e.includeWhen, facts);
        if (trigger) {
          candidates.set(e.id, {
            entry: e,
            via: "condition",
            reason: `optional for ${gw}, chosen because ${trigger.because}`,
            forced: false,
          });
        } else {
          const why = e.includeWhen.length ? `: ${e.includeWhen.map((c) => c.otherwise).join(" and ")}` : "";
          skip(e, `optional for ${gw} and not triggered${why}; add it with an override if you want it`);
        }
        break;
      }
      case "not-needed":
        skip(e, `not needed for ${gw}${e.deviation ? ` (${e.deviation})` : ""}`);
        break;
    }
  }

  if (issues.length > 0) return { ok: false, issues };

  const conflicts: PlanConflict[] = [];
  // Settle, pull in requirements, settle again, until nothing changes (bounded by the catalog size).
  for (let round = 0; round <= catalog.entries.length; round++) {
    const before = snapshot(candidates);
    settleAlternatives(candidates, skip, facts, gw);
    settleConflicts(group, candidates, skip, conflicts, issues);
    pullRequirements(candidates, skipped, catalog, facts, issues, overrides);
    if (issues.length > 0) return { ok: false, issues };
    if (snapshot(candidates) === before) break;
  }

  // Resolve each chosen component's requires to chosen ids.
  const deps = new Map<string, string[]>();
  for (const c of candidates.values()) {
    const ids = new Set<string>();
    for (const r of c.entry.requires) {
      const p = chosenProvider(r, candidates, catalog);
      if (p && p !== c.entry.id) ids.add(p);
    }
    deps.set(c.entry.id, [...ids].sort());
  }
  const waves = computeWaves(deps);
  if (!waves.ok) {
    return {
      ok: false,
      issues: [
        {
          code: Codes.planCycle,
          message: `the components require each other in a cycle: ${waves.cycle.join(" → ")}`,
          hint: "remove one of these requires in the catalog, or leave one component out with an override",
        },
      ],
    };
  }

  const components: PlannedComponent[] = [...candidates.values()]
    .map((c) => ({
      id: c.entry.id,
      area: c.entry.area,
      name: c.entry.name,
      level: c.entry.levels[group],
      via: c.via,
      reason: c.reason,
      dependsOn: deps.get(c.entry.id) ?? [],
      wave: waves.waveOf.get(c.entry.id) ?? 0,
      entry: c.entry,
    }))
    .sort((a, b) => a.wave - b.wave || cmp(a.id, b.id));

  const plan: Plan = {
    platform: platform.metadata.name,
    targetGroup: group,
    facts,
    assumedFacts: resolved.assumed,
    components,
    skipped: [...skipped.values()].filter((s) => !candidates.has(s.id)).sort((a, b) => cmp(a.id, b.id)),
    waves: waves.waves,
    conflicts: conflicts.sort((a, b) => cmp(a.a, b.a) || cmp(a.b, b.b)),
    warnings: [...new Set(warnings)].sort(),
  };
  return { ok: true, plan };
}

/** What the component is for, in a few words: the first clause of its description. */
export function purpose(e: CatalogEntry): string {
  const first = e.description.split(/(?<=[.;])\s/)[0] ?? e.description;
  const clause = first.replace(/[.;]$/, "");
  if (clause.length <= 110) return clause;
  const cut = clause.slice(0, 110);
  return cut.slice(0, cut.lastIndexOf(" ")) + "…";
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function snapshot(c: Map<string, Candidate>): string {
  return [...c.keys()].sort().join(",");
}

/** Priority when two candidates compete: forced first, then stronger level, then id. */
function stronger(a: Candidate, b: Candidate, group: TargetGroup): boolean {
  if (a.forced !== b.forced) return a.forced;
  const la = levelRank[a.entry.levels[group]];
  const lb = levelRank[b.entry.levels[group]];
  if (la !== lb) return la < lb;
  return a.entry.id < b.entry.id;
}

function settleAlternatives(
  candidates: Map<string, Candidate>,
  skip: (e: CatalogEntry, reason: string) => void,
  facts: Facts,
  gw: string,
): void {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates.values()) {
    const g = c.entry.alternatives?.group;
    if (g) groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  for (const [g, members] of [...groups].sort(([a], [b]) => cmp(a, b))) {
    if (members.length < 2) continue;
    const forced = members.filter((m) => m.forced);
    const keep = forced.length > 0 ? forced : [best(members, facts)];
    for (const m of members) {
      if (keep.includes(m)) continue;
      const winner = keep[0];
      if (!winner) continue;
      const pref = winner.entry.alternatives
        ? firstHolding(winner.entry.alternatives.preferWhen, facts)
        : undefined;
      const why = winner.forced ? "your override chose it" : preferenceReason(winner.entry, pref, gw);
      skip(m.entry, `alternative to ${winner.entry.name} (${g}), which was chosen because ${why}`);
    }
    for (const k of keep) {
      const others = members.filter((m) => !keep.includes(m)).map((m) => m.entry.name);
      if (others.length && !k.forced) {
        const pref = k.entry.alternatives ? firstHolding(k.entry.alternatives.preferWhen, facts) : undefined;
        k.reason += `; preferred over ${others.join(", ")} because ${preferenceReason(k.entry, pref, gw)}`;
      }
    }
  }
}

/** Why an alternative won: its preference condition, else its own conditions, else its rank. */
function preferenceReason(e: CatalogEntry, pref: Condition | undefined, gw: string): string {
  if (pref) return pref.because;
  if (e.onlyWhen.length) return e.onlyWhen.map((c) => c.because).join(" and ");
  return `it ranks first in the catalog for ${gw}`;
}

function best(members: readonly Candidate[], facts: Facts): Candidate {
  const score = (c: Candidate) => {
    const alt = c.entry.alternatives;
    const preferred = alt ? alt.preferWhen.some((p) => holds(p, facts)) : false;
    return [preferred ? 0 : 1, alt?.rank ?? 99] as const;
  };
  return [...members].sort((a, b) => {
    const [pa, ra] = score(a);
    const [pb, rb] = score(b);
    return pa - pb || ra - rb || cmp(a.entry.id, b.entry.id);
  })[0] as Candidate;
}

function settleConflicts(
  group: TargetGroup,
  candidates: Map<string, Candidate>,
  skip: (e: CatalogEntry, reason: string) => void,
  conflicts: PlanConflict[],
  issues: PlanIssue[],
): void {
  for (const a of [...candidates.values()].sort((x, y) => cmp(x.entry.id, y.entry.id))) {
    for (const otherId of a.entry.conflicts) {
      const b = candidates.get(otherId);
      if (!b || !candidates.has(a.entry.id)) continue;
      if (a.forced && b.forced) {
        issues.push({
          code: Codes.specOverrideConflict,
          message: `your overrides include both ${a.entry.id} and ${b.entry.id}, which conflict`,
          hint: `leave one of them out`,
          specPath: ["spec", "overrides"],
        });
        continue;
      }
      const aWins = stronger(a, b, group);
      const [win, lose] = aWins ? [a, b] : [b, a];
      skip(lose.entry, `conflicts with ${win.entry.name}, which the plan keeps (${win.reason})`);
      conflicts.push({
        a: a.entry.id < b.entry.id ? a.entry.id : b.entry.id,
        b: a.entry.id < b.entry.id ? b.entry.id : a.entry.id,
        resolution: `kept ${win.entry.id}, left out ${lose.entry.id}`,
      });
    }
  }
}

function chosenProvider(
  req: string,
  candidates: Map<string, Candidate>,
  catalog: Catalog,
): string | undefined {
  if (candidates.has(req)) return req;
  const chosen = catalog
    .providersOf(req)
    .map((e) => e.id)
    .filter((id) => candidates.has(id))
    .sort();
  return chosen[0];
}

function pullRequirements(
  candidates: Map<string, Candidate>,
  skipped: Map<string, SkippedComponent>,
  catalog: Catalog,
  facts: Facts,
  issues: PlanIssue[],
  overrides: Map<string, { o: Override; index: number }>,
): void {
  for (const c of [...candidates.values()].sort((a, b) => cmp(a.entry.id, b.entry.id))) {
    for (const req of c.entry.requires) {
      if (chosenProvider(req, candidates, catalog)) continue;
      const options = catalog
        .providersOf(req)
        .filter((e) => !(overrides.get(e.id)?.o.include === false))
        .filter((e) => firstFailing(e.onlyWhen, facts) === undefined);
      const pick = [...options].sort(
        (a, b) => (a.alternatives?.rank ?? 99) - (b.alternatives?.rank ?? 99) || cmp(a.id, b.id),
      )[0];
      if (!pick) {
        const excluded = catalog.providersOf(req).filter((e) => overrides.get(e.id)?.o.include === false);
        issues.push({
          code: Codes.specOverrideConflict,
          message: `${c.entry.id} requires ${req}, but ${excluded.length ? `your overrides leave out ${excluded.map((e) => e.id).join(", ")}` : "no component that provides it fits this platform"}`,
          hint: excluded.length
            ? `remove the override for ${excluded.map((e) => e.id).join(", ")} or also leave out ${c.entry.id}`
            : `leave out ${c.entry.id} with an override`,
          ...(excluded[0]
            ? { specPath: ["spec", "overrides", overrides.get(excluded[0].id)?.index ?? 0] }
            : {}),
        });
        continue;
      }
      skipped.delete(pick.id);
      candidates.set(pick.id, {
        entry: pick,
        via: "required",
        reason: `required by ${c.entry.name}${req !== pick.id ? ` (needs ${req})` : ""}`,
        forced: false,
      });
    }
  }
}
