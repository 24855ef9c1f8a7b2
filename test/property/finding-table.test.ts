import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Finding } from "../../src/report/finding.js";
import { FindingTableBuilder, Interner, unpackFindings } from "../../src/policy/check/finding-table.js";

const text = fc.string({ maxLength: 12 });
const finding: fc.Arbitrary<Finding> = fc.record(
  {
    ruleId: fc.constantFrom("img-digest", "sec-seccomp", "xo-pdb-missing"),
    severity: fc.constantFrom("error", "warning", "info"),
    message: text,
    file: fc.constantFrom("a.yaml", "b/c.yaml", "-"),
    line: fc.nat(10_000),
    col: fc.nat(200),
    object: fc.record(
      { apiVersion: text, kind: text, namespace: text, name: text, container: text },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["ruleId", "severity", "message", "file", "line", "col", "object"] },
);

describe("finding tables", () => {
  it("unpack to the findings that were added, in order, across tables sharing an interner", () => {
    fc.assert(
      fc.property(fc.array(fc.array(finding, { maxLength: 40 }), { maxLength: 4 }), (chunks) => {
        const interner = new Interner();
        const out: Finding[] = [];
        for (const chunk of chunks) {
          const b = new FindingTableBuilder();
          for (const f of chunk)
            b.add(f.ruleId, f.severity, f.message, f.file, f.line ?? 0, f.col ?? 0, f.object ?? {});
          unpackFindings(b.build(), interner, out);
        }
        // JSON, so key order (which reports print) counts too.
        expect(JSON.stringify(out)).toBe(JSON.stringify(chunks.flat()));
      }),
    );
  });

  it("share one identity object per identity added", () => {
    const b = new FindingTableBuilder();
    const object = { kind: "Deployment", name: "web", container: "app" };
    b.add("a", "error", "m", "f", 1, 1, object);
    // An equal identity from another object (same fields) is still shared once unpacked.
    b.add("b", "error", "m", "f", 2, 1, { ...object });
    const out: Finding[] = [];
    unpackFindings(b.build(), new Interner(), out);
    expect(out[0]?.object).toBe(out[1]?.object);
  });
});
