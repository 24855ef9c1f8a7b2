import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../support/cli.js";
import { defaultCatalog } from "../../src/catalog/default.js";

describe("bespoke init / plan / catalog / advise", () => {
  it("init --yes writes a platform.yaml that plan accepts, in text and JSON", async () => {
    const init = await cli(["init", "--profile", "MBU", "--out", "platform.yaml", "--yes"]);
    expect(init.code).toBe(0);
    const text = await cli(["plan", "platform.yaml"], { cwd: init.cwd });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Plan for example-mbu: a medium business unit/);
    expect(text.stdout).toMatch(/wave 0/);
    const json = await cli(["plan", "platform.yaml", "--output", "json"], { cwd: init.cwd });
    const plan = JSON.parse(json.stdout);
    expect(plan.components.length).toBeGreaterThan(10);
    for (const c of plan.components)
      expect(c).toMatchObject({
        id: expect.any(String),
        area: expect.any(String),
        level: expect.any(String),
        reason: expect.any(String),
      });
    for (const s of plan.skipped) expect(s.reason.length).toBeGreaterThan(5);
    expect(plan.waves.flat().sort()).toEqual(plan.components.map((c: { id: string }) => c.id).sort());
  });

  it("init refuses to overwrite without --force and asks questions when interactive", async () => {
    const first = await cli(["init", "--profile", "SUP", "--out", "p.yaml", "--yes"]);
    const again = await cli(["init", "--profile", "SUP", "--out", "p.yaml", "--yes"], { cwd: first.cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/BSP1402.*already exists/);
    expect(again.stderr).toMatch(/--force/);
    const asked = await cli(["init", "--profile", "SUP", "--out", "q.yaml"], {
      cwd: first.cwd,
      interactive: true,
      answers: ["shop", "api", "openstack", "yes", "oidc", "flux"],
    });
    expect(asked.code).toBe(0);
    const q = readFileSync(join(first.cwd, "q.yaml"), "utf8");
    expect(q).toMatch(/name: shop/);
    expect(q).toMatch(/provider: openstack/);
    expect(q).toMatch(/gitops: flux/);
    const noTty = await cli(["init", "--profile", "SUP", "--out", "r.yaml"], { cwd: first.cwd });
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toMatch(/--yes/);
    expect(existsSync(join(first.cwd, "r.yaml"))).toBe(false);
  });

  it("bad platform.yaml: every error with file:line:col, exit 2, no stack trace", async () => {
    const { cwd } = await cli(["--version"]);
    writeFileSync(
      join(cwd, "bad.yaml"),
      "apiVersion: bespoke.dev/v1alpha1\nkind: Platform\nmetadata:\n  name: x\nspec:\n  targetGroup: BIG\n  gitops: jenkins\n",
    );
    const r = await cli(["plan", "bad.yaml"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.yaml:6:16: error BSP1003/m);
    expect(r.stderr).toMatch(/^bad\.yaml:7:11: error BSP1003/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const missing = await cli(["plan", "nope.yaml"], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml does not exist/);
  });

  it("usage errors exit 2; --help and --version exit 0", async () => {
    expect((await cli(["plan"])).code).toBe(2);
    expect((await cli(["plan", "x.yaml", "--output", "xml"])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    for (const c of ["init", "plan", "catalog", "advise"]) expect(help.stdout).toContain(c);
    expect((await cli(["plan", "--help"])).stdout).toMatch(/Examples:/);
    expect((await cli(["--version"])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("catalog list --output json is the array of entries; show explains one", async () => {
    const list = await cli(["catalog", "list", "--output", "json"]);
    const entries = JSON.parse(list.stdout);
    expect(entries.map((e: { id: string }) => e.id)).toEqual(defaultCatalog().entries.map((e) => e.id));
    const retired = defaultCatalog().entries.find((e) => e.status === "retired");
    expect(retired).toBeDefined();
    const show = await cli(["catalog", "show", retired?.id ?? ""]);
    expect(show.stdout).toMatch(/retired: /);
    const typo = await cli(["catalog", "show", "cilum"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/did you mean "cilium"/);
  });

  it("advise distribution and resources answer with reasons", async () => {
    const sup = JSON.parse(
      (await cli(["advise", "distribution", "--profile", "SUP", "--output", "json"])).stdout,
    );
    const ent = JSON.parse(
      (await cli(["advise", "distribution", "--profile", "ENT", "--output", "json"])).stdout,
    );
    expect(sup.ranked[0].option.id).toBe("build-your-own");
    expect(ent.ranked[0].option.id).not.toBe("build-your-own");
    expect(sup.recommendation).toMatch(/because/);
    const r = await cli(["advise", "resources", "--configs", "6"]);
    expect(r.stdout).toMatch(/^kustomize: /);
    expect((await cli(["advise", "resources", "--configs", "zero"])).code).toBe(2);
  });
});

describe("help", () => {
  it("every command and subcommand shows examples", async () => {
    const { buildProgram } = await import("../../src/cli/program.js");
    const { makeStyle } = await import("../../src/cli/style.js");
    const { program } = buildProgram({
      cwd: "/",
      env: {},
      stdout: () => undefined,
      stderr: () => undefined,
      style: makeStyle(false),
      errStyle: makeStyle(false),
      isInteractive: false,
      readStdin: async () => "",
      ask: async () => "",
      now: () => new Date(0),
    });
    const paths: string[] = [];
    const walk = (cmd: typeof program, path: string): void => {
      for (const sub of cmd.commands) {
        const p = `${path} ${sub.name()}`.trim();
        paths.push(p);
        walk(sub, p);
      }
    };
    walk(program, "");
    const without: string[] = [];
    for (const p of paths) {
      const r = await cli([...p.split(" "), "--help"]);
      if (!/Examples:\n {2}[^\n]*bespoke /.test(r.stdout)) without.push(p);
    }
    expect(paths.length).toBeGreaterThan(15);
    expect(without).toEqual([]);
  });
});
