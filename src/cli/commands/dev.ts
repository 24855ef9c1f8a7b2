import { InvalidArgumentError, Option, type Command } from "commander";
import type { Registrar } from "../program.js";

/**
 * `bespoke dev up|down|status`: a local kube-apiserver + etcd + kube-controller-manager built from
 * the upstream Go modules. Registration only; the implementation loads inside each action.
 */
const DEFAULT_DIR = ".bespoke/dev";

export function registerDev(program: Command, reg: Registrar): void {
  const dev = program
    .command("dev")
    .description("run a real local Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager)")
    .addHelpText(
      "after",
      "\nExamples:\n  bespoke dev up && export KUBECONFIG=$PWD/.bespoke/dev/kubeconfig\n  bespoke dev status\n  bespoke dev down",
    );

  dev
    .command("up")
    .description("start the control plane, wait for /readyz, write DIR/kubeconfig, and return")
    .option("--dir <dir>", "state, logs and kubeconfig directory", DEFAULT_DIR)
    .option(
      "--kube-version <version>",
      "Kubernetes release, v1.N or v1.N.P (built from Go modules when not cached)",
    )
    .addOption(
      new Option("--port <port>", "apiserver secure port on 127.0.0.1 (default: a free one)").argParser(
        parsePort,
      ),
    )
    .addHelpText(
      "after",
      `
Binaries come from BESPOKE_CONTROL_PLANE_DIR, KUBEBUILDER_ASSETS (envtest layout), or the build
cache (~/.cache/bespoke/control-plane/<version>/, built with the local Go toolchain on a miss).

Examples:
  bespoke dev up --dir /tmp/dev && export KUBECONFIG=/tmp/dev/kubeconfig
  bespoke dev status --dir /tmp/dev
  bespoke dev down --dir /tmp/dev`,
    )
    .action((opts: { dir: string; kubeVersion?: string; port?: number }) =>
      reg.run(async () => (await import("../../dev/cli.js")).runUp(reg.ctx, opts)),
    );

  dev
    .command("down")
    .description("stop the processes recorded in DIR's pid files and remove its state")
    .option("--dir <dir>", "state directory given to `dev up`", DEFAULT_DIR)
    .option("--keep-logs", "keep DIR/*.log")
    .addHelpText("after", "\nExamples:\n  bespoke dev down\n  bespoke dev down --dir /tmp/cp --keep-logs")
    .action((opts: { dir: string; keepLogs?: boolean }) =>
      reg.run(async () => (await import("../../dev/cli.js")).runDown(reg.ctx, opts)),
    );

  dev
    .command("status")
    .description("show whether the control plane in DIR runs and is ready (exit 1 when not)")
    .addHelpText(
      "after",
      "\nExamples:\n  bespoke dev status\n  bespoke dev status --dir /tmp/cp --output json",
    )
    .option("--dir <dir>", "state directory given to `dev up`", DEFAULT_DIR)
    .addOption(new Option("--output <format>", "output format").choices(["text", "json"]).default("text"))
    .action((opts: { dir: string; output: string }) =>
      reg.run(async () => (await import("../../dev/cli.js")).runStatus(reg.ctx, opts)),
    );
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new InvalidArgumentError(`'${v}' is not a port (1-65535)`);
  return n;
}
