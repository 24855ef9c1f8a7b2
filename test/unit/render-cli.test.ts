import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { cli } from "../support/cli.js";
import { platformTemplate } from "../../src/spec/template.js";

// `bespoke render` end to end through the in-process CLI runner, in a temp working directory.

const dirs: string[] = [];
function workdir(): string {
  const d = mkdtempSync(join(tmpdir(), "bespoke-render-cli-"));
  dirs.push(d);
  writeFileSync(join(d, "platform.yaml"), platformTemplate("SUP", { gitops: "argocd" }));
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Every file under `dir` (path → content), to prove that a command changed nothing. */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((p) => [relative(dir, p), readFileSync(p, "utf8")]),
  );
}

/** A change to the spec that changes some rendered files (the platform name is everywhere). */
function renamePlatform(cwd: string): void {
  const p = join(cwd, "platform.yaml");
  writeFileSync(p, readFileSync(p, "utf8").replace("name: example-sup", "name: renamed-sup"));
}

describe("bespoke render (CLI)", () => {
  it("writes a tree with its manifest, then reports that nothing changed", async () => {
    const cwd = workdir();
    const first = await cli(["render", "platform.yaml", "--out", "repo"], { cwd });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const files = snapshot(join(cwd, "repo"));
    expect(files.has("argocd/root-app.yaml")).toBe(true);
    expect(files.has("guardrails/kustomization.yaml")).toBe(true);
    expect(files.has("README.md")).toBe(true);
    const manifest = JSON.parse(files.get(".bespoke/manifest.json") ?? "{}") as {
      files: Record<string, string>;
    };
    // Every file but the manifest itself is owned and listed.
    expect(Object.keys(manifest.files).sort()).toEqual(
      [...files.keys()].filter((p) => p !== ".bespoke/manifest.json").sort(),
    );
    expect(first.stdout).toMatch(
      new RegExp(`rendered ${files.size - 1} files into repo: ${files.size - 1} written`),
    );

    const again = await cli(["render", "platform.yaml", "--out", "repo"], { cwd });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`repo is up to date (${files.size - 1} files)\n`);
    expect(snapshot(join(cwd, "repo"))).toEqual(files);
  });

  it("refuses to overwrite a hand-edited file: exit 2 naming it, nothing changes on disk; --force overwrites", async () => {
    const cwd = workdir();
    expect((await cli(["render", "platform.yaml", "--out", "repo"], { cwd })).code).toBe(0);
    const edited = join(cwd, "repo", "README.md");
    writeFileSync(edited, readFileSync(edited, "utf8") + "\nOur own note.\n");
    const alsoEdited = join(cwd, "repo", "guardrails", "kustomization.yaml");
    writeFileSync(alsoEdited, readFileSync(alsoEdited, "utf8") + "# ours\n");
    renamePlatform(cwd);
    const before = snapshot(join(cwd, "repo"));

    const refused = await cli(["render", "platform.yaml", "--out", "repo"], { cwd });
    expect(refused.code).toBe(2);
    // Every hand-edited file is named, not only the first.
    expect(refused.stderr).toMatch(/BSP2003: README\.md was changed by hand/);
    expect(refused.stderr).toMatch(/BSP2003: guardrails\/kustomization\.yaml was changed by hand/);
    expect(refused.stderr).toMatch(/--force/);
    expect(snapshot(join(cwd, "repo"))).toEqual(before);
    expect(readdirSync(cwd).sort()).toEqual(["platform.yaml", "repo"]);

    const forced = await cli(["render", "platform.yaml", "--out", "repo", "--force"], { cwd });
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);
    const after = readFileSync(edited, "utf8");
    expect(after).not.toContain("Our own note.");
    expect(after).toContain("renamed-sup");
    expect(readFileSync(alsoEdited, "utf8")).not.toContain("# ours");
    expect(readdirSync(cwd).sort()).toEqual(["platform.yaml", "repo"]);
  });

  it("--diff shows the hand edit and the spec change, and writes nothing", async () => {
    const cwd = workdir();
    expect((await cli(["render", "platform.yaml", "--out", "repo"], { cwd })).code).toBe(0);
    const edited = join(cwd, "repo", "README.md");
    writeFileSync(edited, readFileSync(edited, "utf8") + "Our own note.\n");
    renamePlatform(cwd);
    const before = snapshot(join(cwd, "repo"));

    const diff = await cli(["render", "platform.yaml", "--out", "repo", "--diff"], { cwd });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain("README.md");
    expect(diff.stdout).toMatch(/^-Our own note\.$/m);
    expect(diff.stdout).toMatch(/^\+.*renamed-sup/m);
    expect(snapshot(join(cwd, "repo"))).toEqual(before);

    // Into a directory that does not exist yet: everything is new, still nothing written.
    const fresh = await cli(["render", "platform.yaml", "--out", "new-repo", "--diff"], { cwd });
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain("argocd/root-app.yaml");
    expect(existsSync(join(cwd, "new-repo"))).toBe(false);
  });

  it("--gitops flux renders the Flux flavour instead of the spec's Argo CD", async () => {
    const cwd = workdir();
    const r = await cli(["render", "platform.yaml", "--out", "repo", "--gitops", "flux"], { cwd });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const files = [...snapshot(join(cwd, "repo")).keys()];
    expect(files).toContain("flux/kustomization.yaml");
    expect(files.some((p) => p.startsWith("argocd/"))).toBe(false);
    expect(readFileSync(join(cwd, "repo", "flux/kustomization.yaml"), "utf8")).toContain(
      "platform/bespoke-guardrails.yaml",
    );
  });

  it("a bad platform.yaml: exit 2 with file:line, nothing written", async () => {
    const cwd = workdir();
    const text = platformTemplate("SUP", { gitops: "argocd" }).replace(
      "targetGroup: SUP",
      "targetGroup: XXL",
    );
    const line = text.split("\n").findIndex((l) => l.includes("targetGroup: XXL")) + 1;
    expect(line).toBeGreaterThan(1);
    writeFileSync(join(cwd, "bad.yaml"), text);
    const r = await cli(["render", "bad.yaml", "--out", "repo"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^bad\\.yaml:${line}:\\d+: error BSP\\d{4}: spec\\.targetGroup`));
    expect(r.stdout).toBe("");
    expect(existsSync(join(cwd, "repo"))).toBe(false);
  });

  it("an --out that is a file: exit 2, the file is untouched", async () => {
    const cwd = workdir();
    writeFileSync(join(cwd, "repo"), "not a directory\n");
    const r = await cli(["render", "platform.yaml", "--out", "repo"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/repo is a file, not a directory/);
    expect(readFileSync(join(cwd, "repo"), "utf8")).toBe("not a directory\n");
    expect(readdirSync(cwd).sort()).toEqual(["platform.yaml", "repo"]);
  });

  it("a non-empty directory Bespoke did not render: exit 2, nothing written", async () => {
    const cwd = workdir();
    const r0 = await cli(["render", "platform.yaml", "--out", "."], { cwd });
    expect(r0.code).toBe(2);
    expect(r0.stderr).toMatch(/BSP\d{4}/);
    expect(readdirSync(cwd)).toEqual(["platform.yaml"]);
  });
});
