import type { Report } from "./report.js";
import type { Finding, Severity } from "./finding.js";
import { jsonWithStreamedArray } from "./stream-json.js";

const level: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  info: "note",
};

const resultsHere = "\u0000results\u0000";

/** SARIF 2.1.0, shaped for GitHub code scanning (relative URIs, rule metadata, 1-based regions). */
export function* sarifParts(report: Report): Generator<string> {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const result = (f: Finding) => {
    const region: Record<string, number> = {};
    if (f.line !== undefined) region.startLine = f.line;
    if (f.line !== undefined && f.col !== undefined) region.startColumn = f.col;
    const idx = ruleIndex.get(f.ruleId);
    return {
      ruleId: f.ruleId,
      ...(idx !== undefined ? { ruleIndex: idx } : {}),
      level: level[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(f.file) },
            ...(Object.keys(region).length ? { region } : {}),
          },
          ...(f.object?.kind || f.object?.name
            ? {
                logicalLocations: [
                  {
                    name: f.object.name ?? "",
                    fullyQualifiedName: [f.object.kind, f.object.namespace, f.object.name, f.object.container]
                      .filter(Boolean)
                      .join("/"),
                    kind: "object",
                  },
                ],
              }
            : {}),
        },
      ],
    };
  };
  const notifications = report.errors.map((e) => ({
    level: "error" as const,
    message: { text: `${e.code}: ${e.message}${e.hint ? ` (hint: ${e.hint})` : ""}` },
    ...(e.location
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(e.location.file) },
                ...(e.location.line !== undefined ? { region: { startLine: e.location.line } } : {}),
              },
            },
          ],
        }
      : {}),
  }));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: "https://bespoke.dev",
            rules: report.rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: r.why },
              help: { text: r.fix, markdown: `**Why:** ${r.why}\n\n**Fix:** ${r.fix}` },
              defaultConfiguration: { level: level[r.severity] },
              ...(r.helpUri ? { helpUri: r.helpUri } : {}),
              properties: { tags: [...(r.tags ?? [])] },
            })),
          },
        },
        invocations: [
          { executionSuccessful: report.errors.length === 0, toolExecutionNotifications: notifications },
        ],
        results: resultsHere,
      },
    ],
  };
  yield* jsonWithStreamedArray(sarif, resultsHere, report.findings, result);
  yield "\n";
}

export function renderSarif(report: Report): string {
  return [...sarifParts(report)].join("");
}

function toUri(file: string): string {
  if (file === "-" || file === "<stdin>") return "stdin";
  return file
    .replaceAll("\\", "/")
    .replace(/^\.\//, "")
    .split("/")
    .map((p) => encodeURIComponent(p))
    .join("/");
}
