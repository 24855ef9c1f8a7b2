#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (run `npm run build` first).
import * as nodeModule from "node:module";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `bespoke: needs Node.js >= 22.12, this is ${process.version}\n  hint: source scripts/node24.sh (installs Node 24 into ~/.cache/bespoke) or use the version in .nvmrc\n`,
  );
  process.exit(2);
}
// The on-disk compile cache roughly halves start-up on the second and later runs.
nodeModule.enableCompileCache?.();
const { main } = await import("../dist/cli/main.js");
await main();
