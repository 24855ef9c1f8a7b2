/**
 * globalSetup of the e2e project: makes sure the control-plane binaries exist before any test
 * file starts (building them from Go modules on a cache miss, with progress), hands their
 * directory to the workers, and on teardown stops any control plane a crashed file left behind.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { resolveBinaries } from "../../src/dev/assets.js";
import { devDown } from "../../src/dev/down.js";
import { DEFAULT_KUBE_VERSION, isDiagnostic, parseKubeVersion } from "../../src/dev/versions.js";

export default async function setup(): Promise<() => Promise<void>> {
  const version = parseKubeVersion(process.env.BESPOKE_KUBE_VERSION ?? DEFAULT_KUBE_VERSION);
  if (isDiagnostic(version)) throw new Error(version.message);
  const started = Date.now();
  const bins = await resolveBinaries({
    version,
    env: process.env,
    progress: (line) => process.stderr.write(`[e2e setup] ${line}\n`),
  });
  process.stderr.write(`[e2e setup] control plane binaries: ${bins.source} (${Date.now() - started} ms)\n`);
  // Workers inherit the environment: they skip the cache check and use exactly these binaries.
  if (!process.env.BESPOKE_CONTROL_PLANE_DIR && !process.env.KUBEBUILDER_ASSETS) {
    process.env.BESPOKE_CONTROL_PLANE_DIR = dirname(bins.kubeApiserver);
  }
  const root = mkdtempSync(join(tmpdir(), "bespoke-e2e-"));
  process.env.BESPOKE_E2E_ROOT = root;

  return async () => {
    for (const entry of readdirSync(root)) {
      const r = await devDown(join(root, entry));
      if (r.stopped.length > 0)
        process.stderr.write(`[e2e teardown] stopped leftover ${r.stopped.join(", ")} in ${entry}\n`);
    }
    if (!process.env.BESPOKE_KEEP_CONTROL_PLANE) rmSync(root, { recursive: true, force: true });
  };
}
