import type { Command } from "commander";
import type { Registrar } from "../program.js";
import { choice } from "../program.js";
import { ExitCode } from "../../core/exit-codes.js";

interface RenderFlags {
  out: string;
  gitops?: "argocd" | "flux";
  force?: boolean;
  diff?: boolean;
  repoUrl?: string;
  revision: string;
}

export function registerRender(program: Command, reg: Registrar): void {
  program
    .command("render")
    .description("write the platform as a deterministic GitOps repository (Argo CD or Flux)")
    .argument("<file>", "platform.yaml")
    .requiredOption("--out <dir>", "output directory (new, empty, or rendered by Bespoke before)")
    .addOption(choice("--gitops <tool>", "argocd or flux (default: the spec's gitops)", ["argocd", "flux"]))
    .option("--force", "overwrite files edited by hand since the last render")
    .option("--diff", "show what would change, write nothing")
    .option("--repo-url <url>", "Git URL Argo CD / Flux read this repository from")
    .option("--revision <ref>", "branch or tag Argo CD tracks", "main")
    .addHelpText(
      "after",
      `
Examples:
  bespoke render platform.yaml --out platform-repo
  bespoke render platform.yaml --out platform-repo --gitops flux --repo-url https://git.corp/platform.git
  bespoke render platform.yaml --out platform-repo --diff`,
    )
    .action((file: string, opts: RenderFlags) =>
      reg.run(async () => {
        const { ctx } = reg;
        const { resolve } = await import("node:path");
        const { readUserFile } = await import("../files.js");
        const { defaultCatalog } = await import("../../catalog/default.js");
        const { renderFromTextOrThrow } = await import("../../render/from-text.js");
        const text = readUserFile(
          ctx.cwd,
          file,
          "create one with `bespoke init --profile MBU --out " + file + " --yes`",
        );
        const { tree } = renderFromTextOrThrow(text, file, defaultCatalog(), {
          ...(opts.gitops ? { gitops: opts.gitops } : {}),
          ...(opts.repoUrl ? { repoUrl: opts.repoUrl } : {}),
          revision: opts.revision,
        });
        const out = resolve(ctx.cwd, opts.out);
        if (opts.diff) {
          const { readState } = await import("../../render/write/writer.js");
          const { withManifest } = await import("../../render/write/manifest.js");
          const { diffTrees } = await import("../../render/write/diff.js");
          const desired = withManifest(tree);
          const state = readState(out, desired.keys());
          const before = new Map(
            [...state.texts].filter(([p]) => desired.has(p) || state.previous?.files[p] !== undefined),
          );
          const diff = diffTrees(before, desired);
          ctx.stdout(diff === "" ? `no changes in ${opts.out}\n` : diff);
          return ExitCode.ok;
        }
        const { writeTree } = await import("../../render/write/writer.js");
        const r = writeTree(out, tree, { force: opts.force === true });
        const wrote = r.write.filter((p) => p !== ".bespoke/manifest.json");
        ctx.stdout(
          wrote.length || r.remove.length
            ? `rendered ${tree.size} files into ${opts.out}: ${wrote.length} written, ${r.remove.length} removed, ${r.unchanged.length} unchanged\n`
            : `${opts.out} is up to date (${tree.size} files)\n`,
        );
        return ExitCode.ok;
      }),
    );
}
