import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { defaultCatalog } from "../../src/catalog/default.js";
import { buildCatalog } from "../../src/catalog/catalog.js";
import { planPlatform } from "../../src/plan/plan.js";
import { planToJson } from "../../src/plan/present.js";
import { resolveFacts } from "../../src/spec/facts.js";
import { Platform } from "../../src/spec/schema.js";
import { arbSpec } from "../support/arbitraries.js";
import { entry } from "../support/entry.js";

const catalog = defaultCatalog();
const ids = catalog.entries.map((e) => e.id);

function platformOf(spec: unknown) {
  return Platform.parse({
    apiVersion: "bespoke.dev/v1alpha1",
    kind: "Platform",
    metadata: { name: "p" },
    spec,
  });
}

describe("planner properties over the shipped catalog", () => {
  it("any valid spec: waves respect requires, no conflict pair, every entry explained once, same result twice", () => {
    let planned = 0;
    fc.assert(
      fc.property(arbSpec(ids), (spec) => {
        const platform = platformOf(spec);
        const r1 = planPlatform(platform, resolveFacts(platform), catalog);
        const r2 = planPlatform(platform, resolveFacts(platform), catalog);
        if (!r1.ok) {
          // Only overrides may make a plan impossible, and then the issue says which and points at them.
          expect(spec.overrides?.length ?? 0).toBeGreaterThan(0);
          for (const i of r1.issues) expect(i.code).toMatch(/^BSP\d{4}$/);
          expect(r2).toEqual(r1);
          return;
        }
        planned++;
        const plan = r1.plan;
        expect(r2.ok && planToJson(r2.plan)).toEqual(planToJson(plan));
        const waveOf = new Map(plan.components.map((c) => [c.id, c.wave]));
        for (const c of plan.components) {
          for (const d of c.dependsOn) expect(waveOf.get(d)).toBeLessThan(c.wave);
          // every requirement is met by something chosen
          for (const req of c.entry.requires) {
            const met = plan.components.some((o) => o.id === req || o.entry.provides.includes(req));
            expect(met, `${c.id} requires ${req}`).toBe(true);
          }
          for (const x of c.entry.conflicts) expect(waveOf.has(x), `${c.id} conflicts with ${x}`).toBe(false);
          expect(c.reason.length).toBeGreaterThan(10);
          const forced = spec.overrides?.some((o) => o.component === c.id && o.include);
          if (c.entry.status !== "current") expect(forced).toBe(true);
        }
        expect(plan.waves.flat().sort()).toEqual([...waveOf.keys()].sort());
        const seen = [...plan.components.map((c) => c.id), ...plan.skipped.map((s) => s.id)].sort();
        expect(seen).toEqual([...ids].sort());
        for (const s of plan.skipped) expect(s.reason.length).toBeGreaterThan(10);
        for (const o of spec.overrides ?? []) {
          expect(waveOf.has(o.component)).toBe(o.include);
        }
      }),
      { numRuns: 300 },
    );
    expect(planned).toBeGreaterThan(100);
  });

  it("every platform gets exactly one installer, one CNI and one GitOps engine unless overridden", () => {
    fc.assert(
      fc.property(arbSpec(ids), (spec) => {
        const platform = platformOf({ ...spec, overrides: [] });
        const r = planPlatform(platform, resolveFacts(platform), catalog);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const byArea = (a: string) =>
          r.plan.components.filter((c) => c.area === a && c.entry.install?.kind !== "builtin");
        expect(byArea("cni")).toHaveLength(1);
        expect(byArea("gitops").map((c) => c.id)).toEqual([
          r.plan.facts.gitops === "flux" ? "flux" : "argocd",
        ]);
        const installers = r.plan.components.filter((c) => c.entry.alternatives?.group === "installer");
        expect(installers).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe("planner properties over random catalogs", () => {
  it("waves respect any acyclic requires graph; a cyclic one is refused naming a real cycle", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 })),
          ),
        ([n, edges]) => {
          const req = new Map<number, Set<number>>();
          for (const [a, b] of edges) if (a !== b) req.set(a, (req.get(a) ?? new Set()).add(b));
          const entries = Array.from({ length: n }, (_, i) =>
            entry(`c${i}`, { requires: [...(req.get(i) ?? [])].map((j) => `c${j}`) }),
          );
          const built = buildCatalog(entries);
          if (!built.ok) throw new Error("catalog");
          const platform = platformOf({ targetGroup: "MBU" });
          const r = planPlatform(platform, resolveFacts(platform), built.catalog);
          if (r.ok) {
            const w = new Map(r.plan.components.map((c) => [c.id, c.wave]));
            for (const [a, bs] of req)
              for (const b of bs) expect(w.get(`c${b}`)).toBeLessThan(w.get(`c${a}`) ?? -1);
          } else {
            const m = /cycle: (.*)$/.exec(r.issues[0]?.message ?? "");
            const cyc = (m?.[1] ?? "").split(" → ");
            expect(cyc[0]).toBe(cyc[cyc.length - 1]);
            for (let i = 0; i + 1 < cyc.length; i++) {
              const a = Number(cyc[i]?.slice(1));
              const b = Number(cyc[i + 1]?.slice(1));
              expect(req.get(a)?.has(b)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
