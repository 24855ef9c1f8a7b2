import type { DistributionAdvice } from "./distribution.js";
import { criteria } from "./distribution.js";
import type { Style } from "../cli/style.js";
import { table } from "../cli/style.js";

export function distributionText(a: DistributionAdvice, s: Style): string {
  const out: string[] = [s.bold("What matters for this platform (weight 0–3):")];
  out.push(table(criteria.map((c) => ["  " + c, String(a.weights[c].weight), a.weights[c].why])));
  out.push("");
  out.push(s.bold("Options, best first:"));
  out.push(table(a.ranked.map((r, i) => [`  ${i + 1}.`, r.option.name, `${r.percent}%`])));
  for (const r of a.ranked.slice(0, 2)) {
    out.push("");
    out.push(s.bold(r.option.name) + ` — ${r.option.summary}`);
    out.push(
      table(
        criteria
          .filter((c) => a.weights[c].weight > 0)
          .map((c) => ["  " + c, `${r.option.ratings[c].score}/5`, r.option.ratings[c].why]),
      ),
    );
  }
  out.push("");
  out.push(a.recommendation);
  return out.join("\n") + "\n";
}
