import type { Command } from "commander";
import type { Registrar } from "../program.js";

/**
 * Every command registers itself here. Registration files stay light (flags and help only) and
 * import their implementation lazily inside the action, so `bespoke --help` starts fast.
 */
export function registerCommands(program: Command, reg: Registrar): void {
  void program;
  void reg;
}
