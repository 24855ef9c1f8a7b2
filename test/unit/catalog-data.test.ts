import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogData } from "../../src/catalog/components/index.js";
import { buildCatalog } from "../../src/catalog/catalog.js";
import { areas, CatalogEntry, targetGroups, type Condition } from "../../src/catalog/schema.js";

const dir = fileURLToPath(new URL("../../src/catalog/components/", import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts")
  .map((f) => f.slice(0, -3))
  .sort();

const entries = catalogData.map((raw) => CatalogEntry.parse(raw));
const byId = new Map(entries.map((e) => [e.id, e]));
const current = entries.filter((e) => e.status === "current");

/** Every id and capability a current entry offers. */
const offered = new Set(current.flatMap((e) => [e.id, ...e.provides]));

/** Areas with no entry on purpose, and why. */
const areasWithoutEntries: Record<string, string> = {};

const RETIRED_CHART_REPOS = [/kubernetes\.github\.io\/dashboard/, /kubernetes\.github\.io\/ingress-nginx/];

describe("catalog data", () => {
  it("every entry parses with the schema", () => {
    for (const raw of catalogData) {
      const r = CatalogEntry.safeParse(raw);
      expect(r.success ? "ok" : `${String(raw.id)}: ${JSON.stringify(r.error.issues)}`).toBe("ok");
    }
  });

  it("passes the catalog's own validation (buildCatalog)", () => {
    const r = buildCatalog(catalogData);
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([]);
  });

  it("ids are unique, equal the file names, and the index lists every file sorted by id", () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(files);
  });

  it("covers enough of the recipe", () => {
    expect(entries.length).toBeGreaterThanOrEqual(55);
  });

  it("every requires resolves to a current id or capability", () => {
    for (const e of entries) {
      for (const r of e.requires) expect(offered.has(r) ? r : `${e.id} requires unknown ${r}`).toBe(r);
    }
  });

  it("conflicts name catalog ids and are symmetric", () => {
    for (const e of entries) {
      for (const c of e.conflicts) {
        const other = byId.get(c);
        expect(other, `${e.id} conflicts with unknown ${c}`).toBeDefined();
        expect(other?.conflicts, `${c} should list ${e.id} in conflicts`).toContain(e.id);
      }
    }
  });

  it("deprecated and retired entries name a current replacement and are never planned", () => {
    for (const e of entries) {
      if (e.replacement !== undefined) {
        expect(byId.get(e.replacement)?.status, `${e.id} → ${e.replacement}`).toBe("current");
      }
      if (e.status !== "current") {
        expect(e.replacement, e.id).toBeDefined();
        expect(e.statusReason, e.id).toBeDefined();
        for (const g of targetGroups) expect(e.levels[g], `${e.id} ${g}`).toBe("not-needed");
      }
    }
  });

  it("requires never form a cycle (capabilities resolve to every current provider)", () => {
    const deps = (id: string): string[] =>
      (byId.get(id)?.requires ?? []).flatMap((r) =>
        current.filter((c) => c.id === r || c.provides.includes(r)).map((c) => c.id),
      );
    const state = new Map<string, "visiting" | "done">();
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === "done") return;
      if (state.get(id) === "visiting") throw new Error("requires cycle: " + [...path, id].join(" → "));
      state.set(id, "visiting");
      for (const d of deps(id)) visit(d, [...path, id]);
      state.set(id, "done");
    };
    for (const e of entries) expect(() => visit(e.id, [])).not.toThrow();
  });

  it("no current entry installs a chart from a retired repository", () => {
    for (const e of current) {
      if (e.install?.kind !== "helm") continue;
      for (const re of RETIRED_CHART_REPOS)
        expect(re.test(e.install.repo), `${e.id}: ${e.install.repo}`).toBe(false);
    }
  });

  it("every area is used by at least one entry, unless justified", () => {
    const used = new Set(entries.map((e) => e.area));
    for (const a of areas) {
      if (a in areasWithoutEntries) continue;
      expect(used.has(a) ? a : `no entry for area ${a}`).toBe(a);
    }
  });

  it("every alternatives group has at least two current members", () => {
    const groups = new Map<string, string[]>();
    for (const e of current) {
      if (!e.alternatives) continue;
      groups.set(e.alternatives.group, [...(groups.get(e.alternatives.group) ?? []), e.id]);
    }
    for (const [g, members] of groups)
      expect(members.length, `group ${g}: ${members.join(", ")}`).toBeGreaterThanOrEqual(2);
  });

  it("in-cluster components declare a runtime; non-restricted ones say why", () => {
    for (const e of current) {
      if (e.install?.kind === "helm" || e.install?.kind === "manifests")
        expect(e.runtime, e.id).toBeDefined();
      if (e.runtime && e.runtime.podSecurity !== "restricted")
        expect(e.runtime.podSecurityReason, e.id).toBeDefined();
    }
  });

  it("every entry was verified for this catalog revision and links upstream over https", () => {
    for (const e of entries) {
      expect(e.verified, e.id).toBe("2026-11-25");
      for (const s of e.sources) expect(s.startsWith("https://"), `${e.id}: ${s}`).toBe(true);
    }
  });

  it("conditions use the right value type for their fact", () => {
    const booleanFacts = new Set([
      "vmwareShop",
      "statefulWorkloads",
      "externalExposure",
      "complianceRequired",
      "supportedDistributionBudget",
      "multiCluster",
      "autoscaling",
      "airGapped",
    ]);
    const numericFacts = new Set(["teams", "apps"]);
    const enums: Record<string, readonly (string | number | boolean)[]> = {
      targetGroup: targetGroups,
      provisioning: ["api", "bare-metal"],
      infrastructureProvider: ["vsphere", "openstack", "metal3", "none"],
      identityProvider: ["none", "ldap", "active-directory", "oidc", "saml"],
      kubernetesSkills: ["none", "basic", "advanced"],
      gitops: ["argocd", "flux"],
    };
    const check = (id: string, c: Condition): void => {
      const values = c.equals !== undefined ? [c.equals] : (c.in ?? []);
      if (booleanFacts.has(c.fact))
        for (const v of values) expect(typeof v, `${id} ${c.fact}`).toBe("boolean");
      if (numericFacts.has(c.fact)) {
        expect(
          c.atLeast !== undefined || c.atMost !== undefined || values.every((v) => typeof v === "number"),
          id,
        ).toBe(true);
      } else {
        expect(c.atLeast ?? c.atMost, `${id} ${c.fact}: atLeast/atMost only on numbers`).toBeUndefined();
      }
      const allowed = enums[c.fact];
      if (allowed) for (const v of values) expect(allowed, `${id} ${c.fact}`).toContain(v);
    };
    for (const e of entries) {
      for (const c of [...e.onlyWhen, ...e.includeWhen, ...(e.alternatives?.preferWhen ?? [])])
        check(e.id, c);
    }
  });
});
