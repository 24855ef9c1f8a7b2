import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// These run the built CLI as a user would (scripts/test.sh builds before testing).
const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = fileURLToPath(new URL("../../bin/bespoke.js", import.meta.url));

describe("the bespoke process", () => {
  it("is built", () => {
    expect(existsSync(new URL("../../dist/cli/main.js", import.meta.url)), "run `npm run build` first").toBe(
      true,
    );
  });

  it("bad input: exit 2, located message, no stack trace", () => {
    const r = spawnSync(process.execPath, [bin, "plan", "examples/nope.yaml"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/examples\/nope\.yaml: error BSP1006: examples\/nope\.yaml does not exist/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("a reader that closes the pipe early is not an error", async () => {
    const child = spawn(process.execPath, [bin, "catalog", "show", "cilium"], { cwd: root });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((res) => child.on("close", res));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
