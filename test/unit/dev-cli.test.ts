/**
 * `bespoke dev` faults that need no real binaries: each exits 2 with a stable code and a hint,
 * and leaves nothing running.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/program.js";
import { makeStyle } from "../../src/cli/style.js";

const plainStyle = makeStyle(false);

const dirs: string[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "bespoke-dev-cli-"));
  dirs.push(d);
  return d;
}

async function run(argv: string[], env: NodeJS.ProcessEnv, cwd: string) {
  let out = "";
  let err = "";
  const ctx: CliContext = {
    cwd,
    env,
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    style: plainStyle,
    errStyle: plainStyle,
    isInteractive: false,
    readStdin: async () => "",
    ask: async () => "",
    now: () => new Date(0),
  };
  const code = await runCli(argv, ctx);
  return { code, out, err };
}

/** A directory that looks like envtest binaries but whose servers exit at once. */
function fakeAssets(withKcm: boolean): string {
  const d = tempDir();
  for (const b of ["kube-apiserver", "etcd", "kubectl", ...(withKcm ? ["kube-controller-manager"] : [])]) {
    writeFileSync(join(d, b), "#!/bin/sh\nexit 1\n");
    chmodSync(join(d, b), 0o755);
  }
  return d;
}

describe("bespoke dev (faults)", () => {
  it("rejects a malformed --kube-version with BSP5006", async () => {
    const r = await run(["dev", "up", "--dir", "state", "--kube-version", "latest"], {}, tempDir());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/error BSP5006: 'latest' is not a Kubernetes version/);
    expect(r.err).toMatch(/hint: use v1\.N/);
  });

  it("names the missing binaries of KUBEBUILDER_ASSETS with BSP5007", async () => {
    const assets = tempDir();
    const cwd = tempDir();
    const r = await run(
      ["dev", "up", "--dir", "state"],
      { KUBEBUILDER_ASSETS: assets, PATH: process.env.PATH },
      cwd,
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(`BSP5007: KUBEBUILDER_ASSETS=${assets} lacks kube-apiserver, etcd`);
    expect(existsSync(join(cwd, "state", "state.json"))).toBe(false);
  });

  it("explains what to install when Go is missing and nothing is cached (BSP5001)", async () => {
    const cwd = tempDir();
    const r = await run(
      ["dev", "up", "--dir", "state"],
      { BESPOKE_CACHE_DIR: tempDir(), PATH: "/nonexistent", HOME: cwd },
      cwd,
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/error BSP5001: .*Go is not installed/);
    expect(r.err).toMatch(/hint: install Go >= 1\.26.*KUBEBUILDER_ASSETS/);
  });

  it("treats a corrupt cache entry as a miss and goes on to rebuild it", async () => {
    const cache = tempDir();
    const entry = join(cache, "control-plane", "v1.37.2");
    mkdirSync(join(entry, "bin"), { recursive: true });
    writeFileSync(join(entry, "stamp.json"), "{ truncated");
    const cwd = tempDir();
    const r = await run(
      ["dev", "up", "--dir", "state"],
      { BESPOKE_CACHE_DIR: cache, PATH: "/nonexistent" },
      cwd,
    );
    expect(r.err).toContain("not usable from the cache (stamp.json is not valid JSON); building");
    // Without Go the rebuild cannot run here; with Go it would (see scripts/build-control-plane.sh).
    expect(r.code).toBe(2);
  });

  it("refuses a --port that is taken (BSP5003) and starts nothing", async () => {
    const s = createServer();
    servers.push(s);
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const port = (s.address() as { port: number }).port;
    const cwd = tempDir();
    const r = await run(
      ["dev", "up", "--dir", "state", "--port", String(port)],
      { BESPOKE_CONTROL_PLANE_DIR: fakeAssets(true), PATH: process.env.PATH },
      cwd,
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(`BSP5003: port ${port} on 127.0.0.1 is already in use`);
    expect(existsSync(join(cwd, "state", "etcd.pid"))).toBe(false);
  });

  it("reports a server that dies at start-up with its log (BSP5005), leaving no pid files", async () => {
    const cwd = tempDir();
    const r = await run(
      ["dev", "up", "--dir", "state"],
      { BESPOKE_CONTROL_PLANE_DIR: fakeAssets(true), PATH: process.env.PATH },
      cwd,
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/error BSP5005: etcd exited during start-up/);
    expect(existsSync(join(cwd, "state", "etcd.pid"))).toBe(false);
    expect(existsSync(join(cwd, "state", "state.json"))).toBe(false);
    expect(existsSync(join(cwd, "state", "etcd.log"))).toBe(true);
  });

  it("rejects a non-numeric --port as a usage error", async () => {
    const r = await run(["dev", "up", "--port", "http"], {}, tempDir());
    expect(r.code).toBe(2);
    expect(r.err).toContain("'http' is not a port");
  });

  it("status and down on an empty dir say so: status exits 1, down 0", async () => {
    const cwd = tempDir();
    const s = await run(["dev", "status", "--dir", "nothing"], {}, cwd);
    expect(s.code).toBe(1);
    expect(s.out).toContain("no control plane in");
    const d = await run(["dev", "down", "--dir", "nothing"], {}, cwd);
    expect(d.code).toBe(0);
    expect(d.out).toContain("nothing to do");
    const j = await run(["dev", "status", "--dir", "nothing", "--output", "json"], {}, cwd);
    expect(JSON.parse(j.out)).toMatchObject({ present: false, healthy: false, ready: false });
  });
});
