/**
 * Finds the binaries to run, in this order: BESPOKE_CONTROL_PLANE_DIR, KUBEBUILDER_ASSETS (envtest
 * layout: kube-apiserver, etcd, kubectl; kube-controller-manager used when present), then the
 * build cache, building on a miss or when the cached entry is corrupt.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Codes } from "../core/codes.js";
import { BespokeInputError, diagnostic } from "../core/diagnostics.js";
import { buildControlPlane } from "./build.js";
import { cacheRoot, verifyCacheDir } from "./cache.js";
import type { KubeVersionRequest } from "./versions.js";

export interface Binaries {
  readonly etcd: string;
  readonly kubeApiserver: string;
  /** Absent with plain envtest assets: no GC, no namespace deletion, no default ServiceAccounts. */
  readonly kubeControllerManager?: string;
  readonly kubectl?: string;
  readonly source: string;
}

function fromDir(dir: string, envName: string, requireKcm: boolean): Binaries {
  const need = ["kube-apiserver", "etcd", ...(requireKcm ? ["kube-controller-manager"] : [])];
  const missing = need.filter((b) => !existsSync(join(dir, b)));
  if (missing.length > 0) {
    throw new BespokeInputError([
      diagnostic(
        Codes.devAssetsMissing,
        `${envName}=${dir} lacks ${missing.join(", ")}`,
        { file: dir },
        `point ${envName} at a directory holding ${need.join(", ")}, or unset it to build from Go modules`,
      ),
    ]);
  }
  const opt = (b: string) => (existsSync(join(dir, b)) ? join(dir, b) : undefined);
  const kcm = opt("kube-controller-manager");
  const kubectl = opt("kubectl");
  return {
    etcd: join(dir, "etcd"),
    kubeApiserver: join(dir, "kube-apiserver"),
    ...(kcm ? { kubeControllerManager: kcm } : {}),
    ...(kubectl ? { kubectl } : {}),
    source: `${envName}=${dir}`,
  };
}

export interface ResolveOptions {
  readonly version: KubeVersionRequest;
  readonly env: NodeJS.ProcessEnv;
  readonly progress: (line: string) => void;
}

export async function resolveBinaries(o: ResolveOptions): Promise<Binaries> {
  const explicit = o.env.BESPOKE_CONTROL_PLANE_DIR;
  if (explicit) return fromDir(explicit, "BESPOKE_CONTROL_PLANE_DIR", true);
  const envtest = o.env.KUBEBUILDER_ASSETS;
  if (envtest) return fromDir(envtest, "KUBEBUILDER_ASSETS", false);

  let dir: string | undefined;
  if (o.version.kind === "exact") {
    const state = await verifyCacheDir(join(cacheRoot(o.env), o.version.version));
    if (state.ok) dir = state.dir;
    else
      o.progress(`control plane ${o.version.version} not usable from the cache (${state.reason}); building`);
  }
  dir ??= await buildControlPlane({ version: o.version.version, env: o.env, progress: o.progress });
  return { ...fromDir(join(dir, "bin"), "cache", true), source: dir };
}
