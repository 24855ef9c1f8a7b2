#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (run `npm run build` first).
// The on-disk compile cache roughly halves start-up on the second and later runs.
import { enableCompileCache } from "node:module";

enableCompileCache?.();
const { main } = await import("../dist/cli/main.js");
await main();
