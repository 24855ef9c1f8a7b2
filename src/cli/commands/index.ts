import type { Command } from "commander";
import type { Registrar } from "../program.js";
import { registerDev } from "./dev.js";
import { registerInit } from "./init.js";
import { registerPlan } from "./plan.js";
import { registerRender } from "./render.js";
import { registerCatalog } from "./catalog.js";
import { registerAdvise } from "./advise.js";
import { registerImage } from "./image.js";
import { registerCheck } from "./check.js";
import { registerPolicy } from "./policy.js";

/**
 * Every command registers itself here. Registration files stay light (flags and help only) and
 * import their implementation lazily inside the action, so `bespoke --help` starts fast.
 */
export function registerCommands(program: Command, reg: Registrar): void {
  registerInit(program, reg);
  registerPlan(program, reg);
  registerRender(program, reg);
  registerCatalog(program, reg);
  registerAdvise(program, reg);
  registerDev(program, reg);
  registerImage(program, reg);
  registerCheck(program, reg);
  registerPolicy(program, reg);
}
