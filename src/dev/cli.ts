/** Glue between the `dev` commands and the control-plane modules: options in, text out, exit code back. */
import { resolve } from "node:path";
import type { CliContext } from "../cli/context.js";
import { BespokeInputError } from "../core/diagnostics.js";
import { ExitCode } from "../core/exit-codes.js";
import { devDown } from "./down.js";
import { devStatus } from "./status.js";
import { devUp } from "./up.js";
import { DEFAULT_KUBE_VERSION, isDiagnostic, parseKubeVersion } from "./versions.js";

export async function runUp(
  ctx: CliContext,
  opts: { dir: string; kubeVersion?: string; port?: number },
): Promise<number> {
  const version = parseKubeVersion(opts.kubeVersion ?? ctx.env.BESPOKE_KUBE_VERSION ?? DEFAULT_KUBE_VERSION);
  if (isDiagnostic(version)) throw new BespokeInputError([version]);
  const cluster = await devUp({
    dir: resolve(ctx.cwd, opts.dir),
    version,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    env: ctx.env,
    progress: (line) => ctx.stderr(`${line}\n`),
  });
  ctx.stdout(
    [
      `control plane ${cluster.version} ready at ${cluster.server}`,
      `  kubeconfig: ${cluster.kubeconfig}`,
      `  logs:       ${cluster.dir}/*.log`,
      `  binaries:   ${cluster.binaries.source}`,
      `  export KUBECONFIG=${cluster.kubeconfig}`,
      `  stop with:  bespoke dev down --dir ${cluster.dir}`,
      "",
    ].join("\n"),
  );
  return ExitCode.ok;
}

export async function runDown(ctx: CliContext, opts: { dir: string; keepLogs?: boolean }): Promise<number> {
  const r = await devDown(resolve(ctx.cwd, opts.dir), opts.keepLogs ?? false);
  if (!r.found) ctx.stdout(`no control plane state in ${r.dir}; nothing to do\n`);
  else {
    const stopped = r.stopped.length > 0 ? r.stopped.join(", ") : "nothing was running";
    const stale = r.stale.length > 0 ? ` (stale pid files removed: ${r.stale.join(", ")})` : "";
    ctx.stdout(`stopped ${stopped}${stale}; removed state in ${r.dir}\n`);
  }
  return ExitCode.ok;
}

export async function runStatus(ctx: CliContext, opts: { dir: string; output: string }): Promise<number> {
  const s = await devStatus(resolve(ctx.cwd, opts.dir));
  const healthy = s.present && s.ready && s.components.every((c) => c.running || c.pid === undefined);
  if (opts.output === "json") ctx.stdout(JSON.stringify({ ...s, healthy }, null, 2) + "\n");
  else if (!s.present)
    ctx.stdout(`no control plane in ${s.dir} (start one with: bespoke dev up --dir ${s.dir})\n`);
  else {
    const lines = [
      `control plane ${s.version ?? "?"} at ${s.server ?? "?"}: ${s.ready ? "ready" : "NOT ready"}`,
      ...s.components.map(
        (c) =>
          `  ${c.name.padEnd(24)} ${c.pid === undefined ? "not started" : `${c.running ? "running" : "STOPPED"} (pid ${c.pid})`}`,
      ),
      `  kubeconfig: ${s.kubeconfig ?? "?"}`,
    ];
    ctx.stdout(lines.join("\n") + "\n");
  }
  return healthy ? ExitCode.ok : ExitCode.findings;
}
