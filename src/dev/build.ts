/**
 * Runs scripts/build-control-plane.sh, which builds the binaries from the upstream Go modules into
 * the cache. Progress lines go to `progress` as they come; the script is the one place that knows
 * how to build, so CI, the e2e setup and `bespoke dev up` share it.
 */
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Codes } from "../core/codes.js";
import { BespokeInputError, diagnostic } from "../core/diagnostics.js";

/** src/dev/build.ts and dist/dev/build.js both sit two levels below the package root. */
export const BUILD_SCRIPT = fileURLToPath(new URL("../../scripts/build-control-plane.sh", import.meta.url));

export const GO_MISSING_HINT =
  "install Go >= 1.26 (the 'go' directive of k8s.io/kubernetes v1.37), or set KUBEBUILDER_ASSETS to a directory " +
  "with envtest binaries (kube-apiserver, etcd, kubectl), or BESPOKE_CONTROL_PLANE_DIR to one that also has kube-controller-manager";

export function goAvailable(env: NodeJS.ProcessEnv): boolean {
  const r = spawnSync("go", ["version"], { env, stdio: "ignore" });
  return r.status === 0;
}

export interface BuildOptions {
  readonly version: string;
  readonly env: NodeJS.ProcessEnv;
  readonly progress: (line: string) => void;
}

/** Builds (or finds) the release in the cache; returns its directory. */
export async function buildControlPlane(o: BuildOptions): Promise<string> {
  if (!goAvailable(o.env)) {
    throw new BespokeInputError([
      diagnostic(
        Codes.devGoMissing,
        `the control-plane binaries for ${o.version} are not cached and Go is not installed`,
        undefined,
        GO_MISSING_HINT,
      ),
    ]);
  }
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [BUILD_SCRIPT, o.version], { env: o.env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let tail: string[] = [];
    let pending = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => {
      pending += b.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        tail = [...tail.slice(-19), line];
        // Module download chatter is noise at this level; our own progress lines are not.
        if (!line.startsWith("go: downloading")) o.progress(line);
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) return resolve(out.trim().split("\n").pop() ?? "");
      const code4 = code === 4;
      reject(
        new BespokeInputError([
          diagnostic(
            code4 ? Codes.devGoMissing : Codes.devBuildFailed,
            `building the control plane ${o.version} failed (exit ${code}):\n${tail.join("\n")}`,
            { file: BUILD_SCRIPT },
            code4 ? GO_MISSING_HINT : "read the output above; rerun scripts/build-control-plane.sh to retry",
          ),
        ]),
      );
    });
  });
}
