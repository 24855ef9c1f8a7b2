/**
 * Render of the ENT example and of a spec with 50 overrides, each against planning the same spec
 * alone (the baseline in the same run): the difference is what rendering costs.
 */
import { defaultCatalog } from "../src/catalog/default.js";
import { planFromTextOrThrow } from "../src/plan/from-file.js";
import { renderFromTextOrThrow } from "../src/render/from-text.js";
import { platformTemplate } from "../src/spec/template.js";

const runs = Number(process.argv[2] ?? "20");
const catalog = defaultCatalog();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(f: () => unknown): number {
  const ms: number[] = [];
  f(); // warm-up
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const ent = platformTemplate("ENT");
// Up to 50 overrides that keep the plan valid: confirm every planned component, leave out the rest.
const planned = new Set(planFromTextOrThrow(ent, "platform.yaml", catalog).plan.components.map((c) => c.id));
const overrides = catalog.entries
  .slice(0, 50)
  .map(
    (e) =>
      `    - component: ${e.id}\n      include: ${planned.has(e.id)}\n      reason: benchmark override number`,
  );
const withOverrides = ent.replace("overrides: []", "overrides:\n" + overrides.join("\n"));

for (const [name, text] of [
  ["ENT example", ent],
  [`ENT, ${overrides.length} overrides`, withOverrides],
] as const) {
  const plan = time(() => planFromTextOrThrow(text, "platform.yaml", catalog));
  const render = time(() => renderFromTextOrThrow(text, "platform.yaml", catalog));
  const files = renderFromTextOrThrow(text, "platform.yaml", catalog).tree.size;
  console.log(
    `${name.padEnd(16)} plan alone ${plan.toFixed(2)} ms | plan+render ${render.toFixed(2)} ms (${files} files) | render costs ${(render - plan).toFixed(2)} ms, ${(render / plan).toFixed(1)}x the plan`,
  );
}
