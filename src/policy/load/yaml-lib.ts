/**
 * The `yaml` library, loaded on first use. Most checks never leave the js-yaml fast path, and
 * loading `yaml` (about 70 modules) costs every thread that checks ~17 ms and ~11 MiB. The parsers
 * that need it are synchronous, so its CommonJS build is loaded with `require`.
 */
import { createRequire } from "node:module";
import type * as Yaml from "yaml";

let lib: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  return (lib ??= createRequire(import.meta.url)("yaml") as typeof Yaml);
}
