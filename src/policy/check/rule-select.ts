/**
 * `--rules GLOBS`: comma-separated globs over rule ids (`*` matches any run of characters);
 * a glob starting with `!` removes rules. A glob that matches nothing is a usage error, because a
 * typo would otherwise silently switch rules off.
 */
import { diagnostic, type Diagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";

function globRegExp(glob: string): RegExp {
  const body = glob
    .split("*")
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`);
}

export function selectRules(
  ids: readonly string[],
  globs: string | undefined,
): { selected: Set<string>; errors: Diagnostic[] } {
  const parts = (globs ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const includes = parts.filter((p) => !p.startsWith("!"));
  const excludes = parts.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
  const errors: Diagnostic[] = [];
  const matching = (glob: string): string[] => {
    const re = globRegExp(glob);
    const hit = ids.filter((id) => re.test(id));
    if (hit.length === 0) {
      errors.push(
        diagnostic(
          Codes.checkNoRulesMatch,
          `--rules pattern ${JSON.stringify(glob)} matches no rule`,
          undefined,
          "list the rules with `bespoke policy list`",
        ),
      );
    }
    return hit;
  };
  const selected = new Set(includes.length ? includes.flatMap(matching) : ids);
  for (const e of excludes) for (const id of matching(e)) selected.delete(id);
  return { selected, errors };
}
