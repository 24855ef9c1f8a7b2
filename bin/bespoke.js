#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (run `npm run build` first).
import { main } from "../dist/cli/main.js";

await main();
