import { describe, expect, it } from "vitest";
import { buildCatalog, type Catalog } from "../../src/catalog/catalog.js";
import type { CatalogEntryInput } from "../../src/catalog/schema.js";
import { planPlatform } from "../../src/plan/plan.js";
import { parsePlatform } from "../../src/spec/parse.js";
import { resolveFacts } from "../../src/spec/facts.js";
import { planFromText } from "../../src/plan/from-file.js";
import { entry } from "../support/entry.js";

function catalogOf(...entries: CatalogEntryInput[]): Catalog {
  const r = buildCatalog(entries);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.catalog;
}

function spec(extra = "", group = "MBU"): string {
  return `apiVersion: bespoke.dev/v1alpha1
kind: Platform
metadata:
  name: t
spec:
  targetGroup: ${group}
${extra}`;
}

function plan(cat: Catalog, extra = "", group = "MBU") {
  const p = parsePlatform(spec(extra, group), "p.yaml");
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join());
  return planPlatform(p.platform, resolveFacts(p.platform), cat);
}

function ok(r: ReturnType<typeof plan>) {
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.plan;
}

const stateful = {
  fact: "statefulWorkloads" as const,
  equals: true,
  because: "you run stateful workloads",
  otherwise: "you run no stateful workloads",
};

describe("planner", () => {
  it("picks by level and explains picks and skips", () => {
    const p = ok(
      plan(
        catalogOf(
          entry("a", { levels: { SUP: "not-needed", MBU: "mandatory", ENT: "mandatory" } }),
          entry("b", { levels: { SUP: "optional", MBU: "not-needed", ENT: "optional" } }),
          entry("c", {
            levels: { SUP: "optional", MBU: "optional", ENT: "optional" },
            includeWhen: [stateful],
          }),
        ),
        "  workloads:\n    stateful: true\n",
      ),
    );
    expect(p.components.map((c) => c.id)).toEqual(["a", "c"]);
    expect(p.components.find((c) => c.id === "a")?.reason).toMatch(/mandatory for a medium business unit/);
    expect(p.components.find((c) => c.id === "c")?.reason).toMatch(/because you run stateful workloads/);
    expect(p.skipped).toEqual([
      expect.objectContaining({ id: "b", reason: expect.stringMatching(/not needed/) }),
    ]);
  });

  it("skips on a failing onlyWhen with the condition's words", () => {
    const p = ok(
      plan(catalogOf(entry("s", { onlyWhen: [stateful] })), "  workloads:\n    stateful: false\n"),
    );
    expect(p.components).toHaveLength(0);
    expect(p.skipped[0]?.reason).toBe("not needed: you run no stateful workloads");
  });

  it("keeps one of a group of alternatives: preferred first, then rank", () => {
    const cat = catalogOf(
      entry("x1", { alternatives: { group: "g", rank: 1 } }),
      entry("x2", { alternatives: { group: "g", rank: 2, preferWhen: [stateful] } }),
    );
    expect(ok(plan(cat, "  workloads:\n    stateful: false\n")).components.map((c) => c.id)).toEqual(["x1"]);
    const p = ok(plan(cat, "  workloads:\n    stateful: true\n"));
    expect(p.components.map((c) => c.id)).toEqual(["x2"]);
    expect(p.skipped[0]?.reason).toMatch(/alternative to Component x2 .* because you run stateful workloads/);
  });

  it("orders waves by requires, through capabilities, and pulls in what is required", () => {
    const cat = catalogOf(
      entry("app", { requires: ["store", "base"] }),
      entry("base"),
      entry("impl", { provides: ["store"], levels: { SUP: "optional", MBU: "optional", ENT: "optional" } }),
    );
    const p = ok(plan(cat));
    expect(p.waves).toEqual([["base", "impl"], ["app"]]);
    expect(p.components.find((c) => c.id === "impl")).toMatchObject({
      via: "required",
      reason: expect.stringMatching(/required by Component app/),
    });
    expect(p.components.find((c) => c.id === "app")?.dependsOn).toEqual(["base", "impl"]);
  });

  it("names the cycle when requires loop", () => {
    const r = plan(
      catalogOf(
        entry("a", { requires: ["b"] }),
        entry("b", { requires: ["c"] }),
        entry("c", { requires: ["a"] }),
      ),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.code).toBe("BSP1201");
      expect(r.issues[0]?.message).toContain("a → b → c → a");
    }
  });

  it("never keeps both sides of a conflict, and reports what it did", () => {
    const cat = catalogOf(
      entry("p", { conflicts: ["q"], levels: { SUP: "mandatory", MBU: "mandatory", ENT: "mandatory" } }),
      entry("q"),
    );
    const p = ok(plan(cat));
    expect(p.components.map((c) => c.id)).toEqual(["p"]);
    expect(p.conflicts).toEqual([{ a: "p", b: "q", resolution: "kept p, left out q" }]);
  });

  it("honours overrides and rejects unknown ids and contradictions at their line", () => {
    const cat = catalogOf(
      entry("keep"),
      entry("extra", { levels: { SUP: "not-needed", MBU: "not-needed", ENT: "not-needed" } }),
    );
    const p = ok(
      plan(
        cat,
        "  overrides:\n    - component: keep\n      include: false\n      reason: we run our own copy\n    - component: extra\n      include: true\n      reason: the auditors asked for it\n",
      ),
    );
    expect(p.components.map((c) => c.id)).toEqual(["extra"]);
    expect(p.components[0]?.reason).toBe("added by your override: the auditors asked for it");
    expect(p.skipped[0]?.reason).toBe("left out by your override: we run our own copy");

    const text = spec(
      "  overrides:\n    - component: kepe\n      include: true\n      reason: typo in the component id\n",
    );
    const r = planFromText(text, "p.yaml", cat);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics[0]).toMatchObject({
        code: "BSP1005",
        location: { file: "p.yaml", line: 8, col: 18 },
      });
      expect(r.diagnostics[0]?.hint).toMatch(/did you mean "keep"/);
    }
  });

  it("refuses to leave out what a kept component requires", () => {
    const cat = catalogOf(entry("app", { requires: ["db"] }), entry("db"));
    const r = plan(
      cat,
      "  overrides:\n    - component: db\n      include: false\n      reason: we do not want it here\n",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toMatch(/app requires db, but your overrides leave out db/);
  });

  it("never picks a retired component unless forced, and warns when forced", () => {
    const cat = catalogOf(
      entry("new"),
      entry("old", { status: "retired", replacement: "new", statusReason: "archived upstream in 2023" }),
    );
    const p = ok(plan(cat));
    expect(p.components.map((c) => c.id)).toEqual(["new"]);
    expect(p.skipped[0]?.reason).toMatch(/^retired: archived upstream in 2023 Use Component new instead\.$/);
    const forced = ok(
      plan(
        cat,
        "  overrides:\n    - component: old\n      include: true\n      reason: migration not finished yet\n",
      ),
    );
    expect(forced.warnings[0]).toMatch(/old is retired \(use new\)/);
  });
});

describe("catalog validation", () => {
  it("rejects unknown requires, duplicate ids and levels that differ from the seed without a reason", () => {
    const r = buildCatalog([
      entry("a", { requires: ["nothing"] }),
      entry("a"),
      entry("b", {
        seed: { said: "the recipe said so", levels: { SUP: "optional", MBU: "optional", ENT: "optional" } },
      }),
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const codes = r.diagnostics.map((d) => d.code).sort();
      expect(codes).toEqual(["BSP1101", "BSP1102", "BSP1103"]);
    }
  });
});
