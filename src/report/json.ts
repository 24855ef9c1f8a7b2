import type { Report } from "./report.js";
import { jsonWithStreamedArray } from "./stream-json.js";

const findingsHere = "\u0000findings\u0000";

export function* jsonParts(report: Report): Generator<string> {
  yield* jsonWithStreamedArray(
    {
      tool: report.tool,
      run: report.run,
      inputs: report.inputs,
      errors: report.errors,
      findings: findingsHere,
    },
    findingsHere,
    report.findings,
  );
  yield "\n";
}

export function renderJson(report: Report): string {
  return [...jsonParts(report)].join("");
}
