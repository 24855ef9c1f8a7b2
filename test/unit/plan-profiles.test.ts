import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog/default.js";
import { planFromText } from "../../src/plan/from-file.js";
import { platformTemplate } from "../../src/spec/template.js";
import type { Plan } from "../../src/plan/types.js";

function planOf(group: "SUP" | "MBU" | "ENT"): Plan {
  const file = `examples/${group.toLowerCase()}.yaml`;
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
  const r = planFromText(text, file, defaultCatalog());
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.plan;
}

const areas = (p: Plan) => new Set(p.components.map((c) => c.area));

describe("the three example platforms differ the way the recipe says", () => {
  const sup = planOf("SUP");
  const mbu = planOf("MBU");
  const ent = planOf("ENT");

  it("examples are what `bespoke init --yes` writes", () => {
    for (const g of ["SUP", "MBU", "ENT"] as const) {
      expect(readFileSync(new URL(`../../examples/${g.toLowerCase()}.yaml`, import.meta.url), "utf8")).toBe(
        platformTemplate(g),
      );
    }
  });

  it("ENT gets backup, runtime security and tracing", () => {
    for (const a of ["backup", "runtime-security", "tracing"]) expect(areas(ent), a).toContain(a);
  });

  it("SUP gets no service mesh, and ENT chooses more than MBU, which chooses more than SUP", () => {
    expect(areas(sup)).not.toContain("mesh");
    expect(sup.skipped.filter((s) => s.area === "mesh").length).toBeGreaterThan(0);
    expect(ent.components.length).toBeGreaterThan(mbu.components.length);
    expect(mbu.components.length).toBeGreaterThan(sup.components.length);
  });

  it("every plan has the base every cluster needs and nothing retired", () => {
    for (const p of [sup, mbu, ent]) {
      for (const a of [
        "installer",
        "cni",
        "ingress",
        "monitoring",
        "pod-security",
        "policy",
        "gitops",
        "certs",
      ]) {
        expect(areas(p), `${p.targetGroup} ${a}`).toContain(a);
      }
      for (const c of p.components) expect(c.entry.status).toBe("current");
      for (const id of ["ingress-nginx", "podsecuritypolicy", "kaniko", "octant", "gangway"]) {
        expect(p.skipped.find((s) => s.id === id)?.reason ?? "", id).toMatch(/^(retired|deprecated)/);
      }
    }
  });
});
