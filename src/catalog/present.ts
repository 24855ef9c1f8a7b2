import type { CatalogEntry } from "./schema.js";
import type { Catalog } from "./catalog.js";
import type { Style } from "../cli/style.js";
import { table } from "../cli/style.js";
import { installLabel } from "../plan/present.js";

const short: Record<string, string> = { mandatory: "M", recommended: "R", optional: "o", "not-needed": "-" };

export function catalogListText(entries: readonly CatalogEntry[], s: Style): string {
  const rows = [
    [s.bold("ID"), s.bold("AREA"), s.bold("SUP MBU ENT"), s.bold("STATUS"), s.bold("INSTALL")],
    ...entries.map((e) => [
      e.id,
      e.area,
      `${short[e.levels.SUP]}   ${short[e.levels.MBU]}   ${short[e.levels.ENT]}`,
      e.status === "current"
        ? e.status
        : s.yellow(`${e.status}${e.replacement ? ` → ${e.replacement}` : ""}`),
      installLabel(e.install),
    ]),
  ];
  return table(rows) + `\n\nlevels: M mandatory, R recommended, o optional, - not needed\n`;
}

export function catalogShowText(e: CatalogEntry, cat: Catalog, s: Style): string {
  const lines = [
    s.bold(`${e.name} (${e.id})`) + ` — ${e.area}, ${e.status}`,
    e.description,
    "",
    `levels:     SUP ${e.levels.SUP}, MBU ${e.levels.MBU}, ENT ${e.levels.ENT}`,
    `the recipe: ${e.seed.said}`,
  ];
  if (e.deviation) lines.push(`we differ:  ${e.deviation}`);
  if (e.status !== "current") {
    lines.push(
      s.yellow(`${e.status}: ${e.statusReason ?? ""}`) +
        (e.replacement ? ` Use ${cat.get(e.replacement)?.name ?? e.replacement} (${e.replacement}).` : ""),
    );
  }
  lines.push(
    `install:    ${installLabel(e.install)}${e.install?.kind === "helm" ? ` from ${e.install.repo}` : ""}`,
  );
  if (e.runtime)
    lines.push(`runs in:    namespace ${e.runtime.namespace}, Pod Security ${e.runtime.podSecurity}`);
  if (e.requires.length) lines.push(`requires:   ${e.requires.join(", ")}`);
  if (e.provides.length) lines.push(`provides:   ${e.provides.join(", ")}`);
  if (e.conflicts.length) lines.push(`conflicts:  ${e.conflicts.join(", ")}`);
  if (e.alternatives) lines.push(`competes in ${e.alternatives.group} (rank ${e.alternatives.rank})`);
  for (const c of e.onlyWhen) lines.push(`only when:  ${c.because}`);
  for (const c of e.includeWhen) lines.push(`added when: ${c.because}`);
  lines.push(`verified:   ${e.verified}`);
  for (const u of e.sources) lines.push(`source:     ${u}`);
  return lines.join("\n") + "\n";
}
