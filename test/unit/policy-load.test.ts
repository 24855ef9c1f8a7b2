import { mkdtemp, mkdir, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseManifests } from "../../src/policy/load/parse.js";
import { loadInputs } from "../../src/policy/load/files.js";
import { Codes } from "../../src/core/codes.js";

const corpus = join(import.meta.dirname, "../../../shared/corpus");

describe("parseManifests", () => {
  it("reads multi-document streams with each object's line and column", () => {
    const text =
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n\n---\n# c\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n";
    const r = parseManifests(text, "x.yaml");
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => [o.object.kind, o.line, o.col])).toEqual([
      ["ConfigMap", 1, 1],
      ["Service", 8, 1],
    ]);
    expect(r.objects[1]?.locate(["metadata", "name"])).toEqual({ line: 11, col: 9 });
    expect(r.objects[1]?.locate(["spec", "nope"])).toBeUndefined();
  });

  it("expands List kinds, placing each item at its own line", () => {
    const text =
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: s}\n";
    const r = parseManifests(text, "l.yaml");
    expect(r.objects.map((o) => [o.object.kind, o.line])).toEqual([
      ["Pod", 4],
      ["Service", 7],
    ]);
    expect(r.objects[0]?.locate(["metadata", "name"])?.line).toBe(6);
  });

  it("reports duplicate keys with their line and keeps the other documents", () => {
    const text =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n";
    const r = parseManifests(text, "d.yaml");
    expect(r.errors.map((e) => [e.code, e.location?.line])).toEqual([[Codes.checkDuplicateKey, 5]]);
    expect(r.objects.map((o) => o.object.kind)).toEqual(["Service"]);
  });

  it("reports malformed YAML with file:line", () => {
    const r = parseManifests("apiVersion: v1\nkind: [Pod\n", "bad.yaml");
    expect(r.errors[0]?.code).toBe(Codes.checkYamlSyntax);
    expect(r.errors[0]?.location?.file).toBe("bad.yaml");
    expect(r.errors[0]?.location?.line).toBeGreaterThanOrEqual(2);
  });

  it("refuses alias bombs instead of expanding them", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(", ")}]`,
      );
    const r = parseManifests(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n${lines.map((l) => "  " + l).join("\n")}\n`,
      "bomb.yaml",
    );
    expect(r.errors.map((e) => e.code)).toEqual([Codes.checkAliasLimit]);
    expect(r.objects).toEqual([]);
  });

  it("names documents that are not Kubernetes objects", () => {
    const r = parseManifests("- a\n- b\n---\nfoo: bar\n", "n.yaml");
    expect(r.errors.map((e) => [e.code, e.location?.line])).toEqual([
      [Codes.checkNotAnObject, 1],
      [Codes.checkNotAnObject, 4],
    ]);
  });

  it("recognises Helm templates of the example corpus", async () => {
    const { readFile } = await import("node:fs/promises");
    const file = join(corpus, "argocd-example-apps/helm-guestbook/templates/deployment.yaml");
    const r = parseManifests(await readFile(file, "utf8"), file);
    expect(r.errors.map((e) => e.code)).toEqual([Codes.checkHelmTemplate]);
    expect(r.errors[0]?.location?.line).toBeGreaterThanOrEqual(1);
  });
});

describe("loadInputs", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "bespoke-load-"));
    await mkdir(join(dir, "sub/deeper"), { recursive: true });
    await writeFile(join(dir, "a.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n");
    await writeFile(join(dir, "sub/deeper/b.yml"), "apiVersion: v1\nkind: Service\nmetadata: {name: b}\n");
    await writeFile(join(dir, "sub/notes.txt"), "not yaml");
    await writeFile(join(dir, "sub/kustomization.yaml"), "resources: [deeper/b.yml]\n");
    await writeFile(join(dir, "bin.yaml"), Buffer.from([0x61, 0x00, 0x62]));
    await writeFile(join(dir, "big.yaml"), "x".repeat(2048));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("walks directories recursively, reads stdin, and reports each bad file while loading the rest", async () => {
    const r = await loadInputs([dir, "-", join(dir, "missing.yaml")], {
      kustomize: false,
      maxBytes: 1024,
      readStdin: async () => "apiVersion: v1\nkind: Namespace\nmetadata: {name: s}\n",
    });
    expect(r.objects.map((o) => `${o.file.replace(dir, "D")}:${o.object.metadata?.name}`)).toEqual([
      "D/a.yaml:a",
      "D/sub/deeper/b.yml:b",
      "-:s",
    ]);
    expect(r.errors.map((e) => [e.code, e.location?.file.replace(dir, "D")])).toEqual([
      [Codes.checkFileTooLarge, "D/big.yaml"],
      [Codes.checkBinaryFile, "D/bin.yaml"],
      [Codes.checkNotFound, "D/missing.yaml"],
    ]);
  });

  it("refuses a file over the cap without reading it", async () => {
    const r = await loadInputs([join(dir, "big.yaml")], {
      kustomize: false,
      maxBytes: 100,
      readStdin: async () => "",
    });
    expect(r.errors[0]?.message).toMatch(/limit/);
  });

  it("builds kustomize directories with kubectl when present, and says so clearly when not", async () => {
    const { execFileSync } = await import("node:child_process");
    let hasKubectl = true;
    try {
      execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    } catch {
      hasKubectl = false;
    }
    const dir = join(corpus, "argocd-example-apps/kustomize-guestbook");
    const r = await loadInputs([dir], { kustomize: true, readStdin: async () => "" });
    if (hasKubectl) {
      expect(r.errors).toEqual([]);
      // The kustomization's namePrefix proves the overlay was built, not the raw files read.
      expect(r.objects.map((o) => o.object.metadata?.name).sort()).toEqual([
        "kustomize-guestbook-ui",
        "kustomize-guestbook-ui",
      ]);
      expect(r.objects[0]?.file).toBe(`${dir} (kustomize)`);
    } else {
      expect(r.errors.map((e) => e.code)).toEqual([Codes.checkKustomize]);
    }
  });
});
