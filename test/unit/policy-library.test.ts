import { describe, expect, it } from "vitest";
import { Environment } from "@marcbachmann/cel-js";
import { libraryRules } from "../../src/policy/library/index.js";
import { toVap } from "../../src/policy/library/to-vap.js";
import { exceptionKey } from "../../src/policy/exceptions/annotation.js";

describe("policy library", () => {
  it("has at least 40 rules with unique ids, a why and a fix", () => {
    expect(libraryRules.length).toBeGreaterThanOrEqual(40);
    const ids = libraryRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const r of libraryRules) {
      expect(r.meta.id).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
      expect(r.meta.why.length, r.meta.id).toBeGreaterThan(20);
      expect(r.meta.fix.length, r.meta.id).toBeGreaterThan(10);
      expect(r.meta.title.length, r.meta.id).toBeGreaterThan(5);
    }
  });

  it("keeps exception annotation keys within the 63-character name limit", () => {
    for (const r of libraryRules) {
      const name = exceptionKey(r.meta.id).split("/")[1] ?? "";
      expect(name.length, r.meta.id).toBeLessThanOrEqual(63);
      expect(name).toMatch(/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/);
    }
  });

  it("gives every policy CEL that parses", () => {
    const env = new Environment({ enableOptionalTypes: true, unlistedVariablesAreDyn: true });
    for (const r of libraryRules) {
      const vap = toVap(r);
      const exprs = [
        ...(vap.spec.variables ?? []).map((v) => v.expression),
        ...(vap.spec.validations ?? []).flatMap((v) => [v.expression, v.messageExpression ?? "true"]),
        ...(vap.spec.auditAnnotations ?? []).map((a) => a.valueExpression),
      ];
      for (const e of exprs) expect(() => env.parse(e), `${r.meta.id}: ${e}`).not.toThrow();
    }
  });

  it("declares a ConfigMap paramKind exactly when the CEL reads params", () => {
    for (const r of libraryRules) {
      const vap = toVap(r);
      const text = JSON.stringify(vap.spec.validations) + JSON.stringify(vap.spec.variables);
      expect(text.includes("params."), r.meta.id).toBe(r.usesParams === true);
      expect(vap.spec.paramKind !== undefined, r.meta.id).toBe(r.usesParams === true);
    }
  });
});
