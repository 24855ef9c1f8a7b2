import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { renderProfile } from "./render-support.js";
import { writeTree } from "../../src/render/write/writer.js";

// kustomize is built from its Go module into a cache outside the repo the first time (CI is a fresh machine).
const version = "v5.8.1";
const binDir = join(homedir(), ".cache", "bespoke", "kustomize", version);
const bin = join(binDir, "kustomize");

function ensureKustomize(): void {
  if (existsSync(bin)) return;
  mkdirSync(binDir, { recursive: true });
  execFileSync("go", ["install", `sigs.k8s.io/kustomize/kustomize/v5@${version}`], {
    env: { ...process.env, GOBIN: binDir, GOFLAGS: "-mod=mod" },
    cwd: tmpdir(),
    stdio: "pipe",
    timeout: 900_000,
  });
}

describe("every kustomization.yaml of the ENT render builds with kustomize", () => {
  beforeAll(() => ensureKustomize(), 900_000);

  for (const gitops of ["argocd", "flux"] as const) {
    it(gitops, () => {
      const tree = renderProfile("ENT", gitops);
      const out = mkdtempSync(join(tmpdir(), "bespoke-kustomize-"));
      try {
        writeTree(join(out, "repo"), tree, { force: false });
        const dirs = [...tree.keys()].filter((p) => p.endsWith("kustomization.yaml")).map((p) => dirname(p));
        expect(dirs.length).toBeGreaterThan(3);
        let built = 0;
        for (const d of dirs) {
          const k = parse(tree.get(`${d}/kustomization.yaml`) ?? "") as { resources: string[] };
          // Release-manifest components point at pinned https URLs; this machine cannot fetch them.
          if (k.resources.some((r) => /^https:\/\//.test(r))) {
            expect(
              k.resources.every((r) => /^https:\/\/.*\d+\.\d+/.test(r)),
              d,
            ).toBe(true);
            continue;
          }
          const yaml = execFileSync(bin, ["build", join(out, "repo", d)], {
            encoding: "utf8",
            stdio: "pipe",
          });
          const docs = parseAllDocuments(yaml);
          expect(docs.length, d).toBeGreaterThan(0);
          for (const doc of docs) expect(doc.errors, d).toEqual([]);
          built++;
        }
        expect(built).toBeGreaterThan(3);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
});
