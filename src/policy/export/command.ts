/** `bespoke policy export|list`: writes the export map atomically, never over a directory we did not write. */
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { CliContext } from "../../cli/context.js";
import { BespokeInputError, diagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";
import { ExitCode } from "../../core/exit-codes.js";
import { libraryRules } from "../library/index.js";
import { loadParams } from "../params/load.js";
import { defaultParams } from "../params/params.js";
import { allRuleMeta } from "../check/check.js";
import { exportPolicies } from "./export.js";

/** Marks a directory as written by `bespoke policy export`, so a re-export may replace it. */
export const exportMarker = ".bespoke-policy-export";

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

export async function writeTreeAtomically(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const out = resolve(outDir);
  if (await exists(out)) {
    const entries = await readdir(out);
    if (entries.length > 0 && !entries.includes(exportMarker)) {
      throw new BespokeInputError([
        diagnostic(
          Codes.cliOutputExists,
          `${outDir} exists and was not written by bespoke policy export`,
          { file: outDir },
          "choose an empty or new directory",
        ),
      ]);
    }
  }
  await mkdir(dirname(out), { recursive: true });
  const tmp = await mkdtemp(join(dirname(out), `.${basename(out)}.tmp-`));
  try {
    for (const [path, text] of files) {
      await mkdir(dirname(join(tmp, path)), { recursive: true });
      await writeFile(join(tmp, path), text);
    }
    await writeFile(join(tmp, exportMarker), "written by bespoke policy export; safe to replace\n");
    if (await exists(out)) {
      const old = `${tmp}.old`;
      await rename(out, old);
      await rename(tmp, out);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(tmp, out);
    }
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

export async function runPolicyExport(
  ctx: CliContext,
  flags: { out: string; params?: string },
): Promise<number> {
  const params = flags.params ? await loadParams(resolve(ctx.cwd, flags.params)) : defaultParams;
  const files = exportPolicies(libraryRules, params);
  await writeTreeAtomically(resolve(ctx.cwd, flags.out), files);
  ctx.stdout(`wrote ${files.size} files (${libraryRules.length + 1} policies) to ${flags.out}\n`);
  return ExitCode.ok;
}

export async function runPolicyList(ctx: CliContext): Promise<number> {
  const width = Math.max(...allRuleMeta.map((r) => r.id.length));
  for (const r of allRuleMeta) {
    const tag = r.tags?.includes("offline-only") ? " (offline-only)" : "";
    ctx.stdout(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.title}${tag}\n`);
  }
  return ExitCode.ok;
}
