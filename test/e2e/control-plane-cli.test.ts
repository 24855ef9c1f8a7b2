/**
 * `bespoke dev up|status|down` as a user runs them, against the real binaries: stale pid files
 * of a crashed run are cleared, a second `up` is refused, `down` stops exactly the servers, and
 * envtest-style KUBEBUILDER_ASSETS (no controller-manager) are honoured.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/program.js";
import { makeStyle } from "../../src/cli/style.js";
import { resolveBinaries } from "../../src/dev/assets.js";
import { devDown } from "../../src/dev/down.js";
import { stateLayout } from "../../src/dev/layout.js";
import { isAlive } from "../../src/dev/processes.js";
import { devUp } from "../../src/dev/up.js";
import { DEFAULT_KUBE_VERSION, isDiagnostic, parseKubeVersion } from "../../src/dev/versions.js";

const parsed = parseKubeVersion(DEFAULT_KUBE_VERSION);
if (isDiagnostic(parsed)) throw new Error(parsed.message);
const version = parsed;

const root = mkdtempSync(join(process.env.BESPOKE_E2E_ROOT ?? tmpdir(), "cli-"));
afterAll(async () => {
  // Whatever a failed assertion left running goes too.
  for (const d of ["state", "envtest-state"]) await devDown(join(root, d));
  rmSync(root, { recursive: true, force: true });
});

async function bespoke(...argv: string[]) {
  let out = "";
  let err = "";
  const style = makeStyle(false);
  const ctx: CliContext = {
    cwd: root,
    env: process.env,
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    style,
    errStyle: style,
    isInteractive: false,
    readStdin: async () => "",
    ask: async () => "",
    now: () => new Date(0),
  };
  return { code: await runCli(argv, ctx), out, err };
}

describe("bespoke dev (real binaries)", () => {
  it("up clears stale pid files, refuses a second up, and down stops exactly its servers", async () => {
    const l = stateLayout(join(root, "state"));
    mkdirSync(l.dir, { recursive: true });
    // A crashed earlier run: pid files naming processes that are gone (pid 2^22-1 is never used).
    for (const c of ["etcd", "kube-apiserver"] as const) writeFileSync(l.pidFile(c), "4194303\n");
    writeFileSync(l.state, "{}");

    const up = await bespoke("dev", "up", "--dir", "state");
    expect(up.err).toContain("removed stale state of an earlier run");
    expect(up.code, up.err).toBe(0);
    expect(up.out).toContain(`control plane ${DEFAULT_KUBE_VERSION} ready at https://127.0.0.1:`);
    expect(readFileSync(l.kubeconfig, "utf8")).toContain("certificate-authority-data");

    const pids = (["etcd", "kube-apiserver", "kube-controller-manager"] as const).map((c) =>
      Number(readFileSync(l.pidFile(c), "utf8")),
    );
    // The pid files name the servers themselves, not a wrapper shell.
    for (const pid of pids) expect(readFileSync(`/proc/${pid}/cmdline`, "utf8")).toContain(l.dir);
    expect(readFileSync(`/proc/${pids[1]}/cmdline`, "utf8").split("\0")[0]).toMatch(/kube-apiserver$/);

    const status = await bespoke("dev", "status", "--dir", "state", "--output", "json");
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({
      present: true,
      ready: true,
      healthy: true,
      version: DEFAULT_KUBE_VERSION,
    });

    const again = await bespoke("dev", "up", "--dir", "state");
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/error BSP5004: a control plane is already running in .*state/);
    expect(again.err).toContain("bespoke dev down --dir");

    const down = await bespoke("dev", "down", "--dir", "state");
    expect(down.code).toBe(0);
    expect(down.out).toContain("stopped kube-controller-manager, kube-apiserver, etcd");
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    const after = await bespoke("dev", "status", "--dir", "state");
    expect(after.code).toBe(1);
    expect(after.out).toContain("no control plane in");
  });

  it("runs from KUBEBUILDER_ASSETS in envtest layout, without a controller-manager", async () => {
    const bins = await resolveBinaries({
      version: version,
      env: process.env,
      progress: () => undefined,
    });
    const assets = join(root, "envtest-bin");
    mkdirSync(assets);
    for (const b of ["kube-apiserver", "etcd", "kubectl"])
      symlinkSync(join(dirname(bins.kubeApiserver), b), join(assets, b));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, KUBEBUILDER_ASSETS: assets };
    const lines: string[] = [];
    const cluster = await devUp({
      dir: join(root, "envtest-state"),
      version: version,
      env,
      progress: (line) => lines.push(line),
    });
    try {
      expect(cluster.binaries.source).toBe(`KUBEBUILDER_ASSETS=${assets}`);
      expect(cluster.controllerManager).toBe(false);
      expect(cluster.pids["kube-controller-manager"]).toBeUndefined();
      expect(cluster.version).toBe(DEFAULT_KUBE_VERSION);
      expect(lines.join("\n")).toContain("no kube-controller-manager");
    } finally {
      await devDown(cluster.dir);
    }
  });
});
