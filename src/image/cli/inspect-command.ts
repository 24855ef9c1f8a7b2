import type { CliContext } from "../../cli/context.js";
import { ExitCode } from "../../core/exit-codes.js";

export async function runInspectCommand(
  ctx: CliContext,
  images: readonly string[],
  opts: unknown,
): Promise<number> {
  void images;
  void opts;
  ctx.stderr("not yet\n");
  return Promise.resolve(ExitCode.internal);
}
