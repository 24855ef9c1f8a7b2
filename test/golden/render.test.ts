import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultCatalog } from "../../src/catalog/default.js";
import { planFromTextOrThrow } from "../../src/plan/from-file.js";
import { platformTemplate } from "../../src/spec/template.js";
import { renderPlan } from "../../src/render/render.js";
import { withManifest } from "../../src/render/write/manifest.js";

// Golden trees are reviewed like code. Regenerate with UPDATE_GOLDEN=1 after an intended change.
// The policy library's files are left out (empty extraGuardrails): their own tests pin them.
const root = join(dirname(fileURLToPath(import.meta.url)), "render");
const update = process.env["UPDATE_GOLDEN"] === "1";

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("render golden trees", () => {
  for (const profile of ["SUP", "MBU", "ENT"] as const) {
    for (const gitops of ["argocd", "flux"] as const) {
      const name = `${profile.toLowerCase()}-${gitops}`;
      it(name, () => {
        const { plan } = planFromTextOrThrow(platformTemplate(profile, { gitops }), "platform.yaml", defaultCatalog());
        const tree = withManifest(
          renderPlan(plan, { gitops, repoUrl: "https://git.example.invalid/platform.git", revision: "main", extraGuardrails: new Map() }),
        );
        const dir = join(root, name);
        if (update) {
          rmSync(dir, { recursive: true, force: true });
          for (const [p, text] of tree) {
            mkdirSync(dirname(join(dir, p)), { recursive: true });
            writeFileSync(join(dir, p), text);
          }
        }
        expect(listFiles(dir)).toEqual([...tree.keys()].sort());
        for (const [p, text] of tree) expect(readFileSync(join(dir, p), "utf8"), p).toBe(text);
      });
    }
  }
});
