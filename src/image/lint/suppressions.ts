import { isRuleId } from "../rules/catalog.js";
import type { RawFinding } from "./dockerfile-rules.js";

export interface Suppression {
  /** Line of the comment. */
  readonly line: number;
  /** Line of the instruction it applies to. */
  readonly target: number;
  readonly rules: readonly string[];
  readonly reason: string;
}

const marker = /^bespoke-ignore\b\s*(.*)$/;

/**
 * Reads `# bespoke-ignore RULE[,RULE…] reason` comments. Each applies to the next instruction.
 * A missing reason or an unknown rule id is itself a finding, so suppressions stay reviewable.
 */
export function readSuppressions(
  comments: readonly { readonly line: number; readonly text: string }[],
  instructionLines: readonly number[],
): { suppressions: Suppression[]; problems: RawFinding[] } {
  const suppressions: Suppression[] = [];
  const problems: RawFinding[] = [];
  const sorted = [...instructionLines].sort((a, b) => a - b);
  for (const c of comments) {
    const m = marker.exec(c.text.trim());
    if (!m) continue;
    const rest = (m[1] ?? "").trim();
    const [ruleList = "", ...reasonWords] = rest.split(/\s+/);
    const rules = ruleList.split(",").filter((r) => r !== "");
    const reason = reasonWords.join(" ").trim();
    if (rules.length === 0) {
      problems.push({ ruleId: "bad-suppression", line: c.line, message: "bespoke-ignore names no rule" });
      continue;
    }
    const unknown = rules.filter((r) => !isRuleId(r));
    if (unknown.length > 0) {
      problems.push({
        ruleId: "bad-suppression",
        line: c.line,
        message: `bespoke-ignore names unknown rule(s): ${unknown.join(", ")}`,
      });
      continue;
    }
    if (reason === "") {
      problems.push({
        ruleId: "bad-suppression",
        line: c.line,
        message: `bespoke-ignore ${rules.join(",")} gives no reason`,
      });
      continue;
    }
    const target = sorted.find((l) => l > c.line);
    if (target === undefined) {
      problems.push({
        ruleId: "bad-suppression",
        line: c.line,
        message: "bespoke-ignore is not followed by an instruction",
      });
      continue;
    }
    suppressions.push({ line: c.line, target, rules, reason });
  }
  return { suppressions, problems };
}

export function isSuppressed(f: RawFinding, suppressions: readonly Suppression[]): boolean {
  return suppressions.some((s) => s.target === f.line && s.rules.includes(f.ruleId));
}
