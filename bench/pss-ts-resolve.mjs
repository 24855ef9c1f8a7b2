// Lets Node run the TypeScript sources directly (Node 24 strips types): our imports name the
// compiled `.js` file, so resolve `x.js` to `x.ts` when only the source exists.
import { registerHooks } from "node:module";
import { existsSync } from "node:fs";
import { URL, fileURLToPath } from "node:url";

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith(".") && specifier.endsWith(".js") && context.parentURL) {
      const ts = new URL(specifier.slice(0, -3) + ".ts", context.parentURL);
      if (existsSync(fileURLToPath(ts))) return nextResolve(ts.href, context);
    }
    return nextResolve(specifier, context);
  },
});
