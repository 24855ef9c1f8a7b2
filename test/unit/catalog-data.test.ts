import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogData } from "../../src/catalog/components/index.js";
import { buildCatalog } from "../../src/catalog/catalog.js";
import { planPlatform } from "../../src/plan/plan.js";
import { groupDefaults, type Facts } from "../../src/spec/facts.js";
import { parsePlatform } from "../../src/spec/parse.js";
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

describe("catalog data under the planner (every fact combination that changes a choice)", () => {
  const built = buildCatalog(catalogData);
  if (!built.ok) throw new Error("catalog invalid");
  const catalog = built.catalog;
  const parsed = parsePlatform(
    readFileSync(new URL("../../examples/sup.yaml", import.meta.url), "utf8"),
    "sup.yaml",
  );
  if (!parsed.ok) throw new Error("example invalid");
  const platform = parsed.platform;

  const combos: Facts[] = [];
  for (const targetGroup of targetGroups)
    for (const provisioning of ["api", "bare-metal"] as const)
      for (const infrastructureProvider of ["vsphere", "openstack", "metal3", "none"] as const)
        for (const statefulWorkloads of [false, true])
          for (const complianceRequired of [false, true])
            for (const identityProvider of ["none", "oidc", "active-directory"] as const)
              for (const gitops of ["argocd", "flux"] as const)
                for (const autoscaling of [false, true])
                  combos.push({
                    ...groupDefaults[targetGroup],
                    targetGroup,
                    kubernetesVersion: "v1.37",
                    provisioning,
                    infrastructureProvider,
                    statefulWorkloads,
                    complianceRequired,
                    identityProvider,
                    gitops,
                    autoscaling,
                  });

  const plans = combos.map((facts) => {
    const r = planPlatform(platform, { facts, assumed: [] }, catalog);
    if (!r.ok) throw new Error(`${JSON.stringify(facts)}: ${r.issues.map((i) => i.message).join("; ")}`);
    return { facts, ids: new Set(r.plan.components.map((c) => c.id)), plan: r.plan };
  });
  const inGroup = (ids: Set<string>, group: string) =>
    [...ids].filter((id) => byId.get(id)?.alternatives?.group === group).sort();
  const label = (f: Facts) =>
    `${f.targetGroup} ${f.provisioning}/${f.infrastructureProvider} stateful=${f.statefulWorkloads} compliance=${f.complianceRequired} idp=${f.identityProvider} ${f.gitops} autoscaling=${f.autoscaling}`;

  it("always yields exactly one installer, CNI, gateway, GitOps tool and log pipeline", () => {
    for (const { facts, ids } of plans) {
      for (const g of ["installer", "cni", "gateway", "gitops", "logging", "log-collector", "os"]) {
        expect(inGroup(ids, g).length, `${g} for ${label(facts)}: ${inGroup(ids, g).join(", ")}`).toBe(1);
      }
    }
  });

  it("picks the installer the infrastructure calls for", () => {
    for (const { facts, ids } of plans) {
      const [installer] = inGroup(ids, "installer");
      const expected =
        facts.provisioning === "bare-metal"
          ? facts.targetGroup === "ENT"
            ? "kubespray"
            : "kubeadm"
          : facts.infrastructureProvider === "none"
            ? "kubeadm"
            : `cluster-api-${facts.infrastructureProvider}`;
      expect(installer, label(facts)).toBe(expected);
      expect(ids.has("cluster-autoscaler"), label(facts)).toBe(
        facts.autoscaling && facts.provisioning === "api" && facts.infrastructureProvider !== "none",
      );
    }
  });

  it("follows the GitOps choice, stores data only for stateful workloads, and pairs log store and collector", () => {
    for (const { facts, ids } of plans) {
      expect(inGroup(ids, "gitops"), label(facts)).toEqual([facts.gitops]);
      expect(inGroup(ids, "storage").length, label(facts)).toBe(facts.statefulWorkloads ? 1 : 0);
      if (facts.statefulWorkloads) {
        expect(inGroup(ids, "storage"), label(facts)).toEqual([
          facts.targetGroup === "ENT" ? "rook-ceph" : "longhorn",
        ]);
      }
      expect(
        ids.has("alloy") ? ids.has("loki") : ids.has("fluent-bit") && ids.has("opensearch"),
        label(facts),
      ).toBe(true);
    }
  });

  it("chooses an SSO broker only when the directory needs one", () => {
    for (const { facts, ids } of plans) {
      const sso = inGroup(ids, "sso-broker");
      const expected =
        facts.identityProvider === "none" ? ["keycloak"] : facts.identityProvider === "oidc" ? [] : ["dex"];
      expect(sso, label(facts)).toEqual(expected);
    }
  });

  it("differs by target group the way the recipe says", () => {
    for (const { facts, ids } of plans) {
      const mesh = [...ids].filter((id) => byId.get(id)?.area === "mesh");
      if (facts.targetGroup === "SUP") expect(mesh, label(facts)).toEqual([]);
      if (facts.targetGroup === "ENT") {
        for (const id of [
          "velero",
          "falco",
          "opentelemetry-collector",
          "istio-ambient",
          "harbor",
          "openbao",
        ]) {
          expect(ids.has(id), `${id} for ${label(facts)}`).toBe(true);
        }
        expect(inGroup(ids, "tracing-backend").length, label(facts)).toBe(1);
      }
      for (const id of ids) expect(byId.get(id)?.status, id).toBe("current");
    }
  });
});
