import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUILT_BINARIES, cacheRoot, verifyCacheDir } from "../../src/dev/cache.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A cache entry laid out as the build script writes it, with small fake binaries. */
function fakeEntry(): string {
  const dir = mkdtempSync(join(tmpdir(), "bespoke-cache-"));
  dirs.push(dir);
  mkdirSync(join(dir, "bin"));
  const binaries: Record<string, { sha256: string; size: number }> = {};
  for (const name of BUILT_BINARIES) {
    const body = `#!/bin/sh\necho ${name}\n`;
    writeFileSync(join(dir, "bin", name), body);
    chmodSync(join(dir, "bin", name), 0o755);
    binaries[name] = {
      sha256: createHash("sha256").update(body).digest("hex"),
      size: Buffer.byteLength(body),
    };
  }
  // Same text shape as scripts/build-control-plane.sh emits (it greps these lines back).
  writeFileSync(
    join(dir, "stamp.json"),
    JSON.stringify({ kubernetes: "v1.37.2", etcd: "v3.7.0", go: "1.26.8", binaries }, null, 2),
  );
  return dir;
}

describe("control-plane cache", () => {
  it("accepts an intact entry", async () => {
    const r = await verifyCacheDir(fakeEntry());
    expect(r.ok).toBe(true);
  });

  it("detects an interrupted build (no stamp)", async () => {
    const dir = fakeEntry();
    rmSync(join(dir, "stamp.json"));
    expect(await verifyCacheDir(dir)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no stamp\.json/),
    });
  });

  it("detects a missing binary", async () => {
    const dir = fakeEntry();
    rmSync(join(dir, "bin", "etcd"));
    expect(await verifyCacheDir(dir)).toMatchObject({ ok: false, reason: "etcd is missing" });
  });

  it("detects a truncated binary by size, and a same-size corruption by sha256", async () => {
    const dir = fakeEntry();
    writeFileSync(join(dir, "bin", "kube-apiserver"), "#!/bin/sh\n");
    expect(await verifyCacheDir(dir)).toMatchObject({
      ok: false,
      reason: "kube-apiserver has the wrong size",
    });
    const dir2 = fakeEntry();
    writeFileSync(join(dir2, "bin", "kubectl"), "#!/bin/sh\necho kubectX\n");
    expect(await verifyCacheDir(dir2)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/kubectl does not match its sha256/),
    });
    // The cheap check (sizes only) deliberately misses that second case.
    expect((await verifyCacheDir(dir2, false)).ok).toBe(true);
  });

  it("detects a garbled stamp", async () => {
    const dir = fakeEntry();
    writeFileSync(join(dir, "stamp.json"), "{ not json");
    expect(await verifyCacheDir(dir)).toMatchObject({ ok: false, reason: "stamp.json is not valid JSON" });
  });

  it("lives under BESPOKE_CACHE_DIR, else XDG_CACHE_HOME, else ~/.cache", () => {
    expect(cacheRoot({ BESPOKE_CACHE_DIR: "/c" })).toBe("/c/control-plane");
    expect(cacheRoot({ XDG_CACHE_HOME: "/x", HOME: "/h" })).toBe("/x/bespoke/control-plane");
    expect(cacheRoot({ HOME: "/h" })).toBe("/h/.cache/bespoke/control-plane");
  });
});
