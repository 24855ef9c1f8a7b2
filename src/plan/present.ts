import type { Plan } from "./types.js";
import type { Style } from "../cli/style.js";
import { table } from "../cli/style.js";
import { groupWords } from "./plan.js";
import type { Install } from "../catalog/schema.js";

export function installLabel(i: Install | undefined): string {
  if (!i) return "-";
  switch (i.kind) {
    case "helm":
      return `helm ${i.chart} ${i.version}`;
    case "manifests":
      return `manifests ${i.version}`;
    case "host":
      return `host ${i.version}`;
    case "builtin":
      return `built in (${i.since}+)`;
  }
}

/** The plan as stable JSON (documented shape; keys in a fixed order). */
export function planToJson(plan: Plan): unknown {
  return {
    platform: plan.platform,
    targetGroup: plan.targetGroup,
    facts: plan.facts,
    assumedFacts: plan.assumedFacts,
    components: plan.components.map((c) => ({
      id: c.id,
      area: c.area,
      name: c.name,
      level: c.level,
      via: c.via,
      reason: c.reason,
      wave: c.wave,
      dependsOn: c.dependsOn,
      status: c.entry.status,
      install: c.entry.install ?? null,
      namespace: c.entry.runtime?.namespace ?? null,
    })),
    skipped: plan.skipped.map((s) => ({
      id: s.id,
      area: s.area,
      name: s.name,
      level: s.level,
      reason: s.reason,
    })),
    waves: plan.waves,
    conflicts: plan.conflicts,
    warnings: plan.warnings,
  };
}

export function planToText(plan: Plan, s: Style): string {
  const out: string[] = [];
  out.push(s.bold(`Plan for ${plan.platform}: ${groupWords[plan.targetGroup]}`));
  if (plan.assumedFacts.length) {
    out.push(
      s.dim(
        `Assumed from the target group (set them in platform.yaml to change): ${plan.assumedFacts.join(", ")}`,
      ),
    );
  }
  out.push("");
  out.push(s.bold(`Chosen (${plan.components.length}), in install waves:`));
  plan.waves.forEach((ids, w) => {
    out.push(s.blue(`wave ${w}`));
    const rows = ids.map((id) => {
      const c = plan.components.find((x) => x.id === id);
      return c
        ? ["  " + c.id, c.area, levelColour(c.level, s), installLabel(c.entry.install), c.reason]
        : [id];
    });
    out.push(table(rows));
  });
  out.push("");
  out.push(s.bold(`Skipped (${plan.skipped.length}):`));
  out.push(table(plan.skipped.map((k) => ["  " + k.id, k.area, k.reason])));
  if (plan.conflicts.length) {
    out.push("");
    out.push(s.bold("Conflicts settled:"));
    for (const c of plan.conflicts) out.push(`  ${c.a} ↔ ${c.b}: ${c.resolution}`);
  }
  if (plan.warnings.length) {
    out.push("");
    for (const w of plan.warnings) out.push(s.yellow("warning: ") + w);
  }
  return out.join("\n") + "\n";
}

function levelColour(level: string, s: Style): string {
  return level === "mandatory" ? s.green(level) : level === "recommended" ? s.blue(level) : level;
}
