import { describe, expect, it } from "vitest";
import { BespokeInputError } from "../../src/core/diagnostics.js";
import { parseParams } from "../../src/policy/params/load.js";
import { defaultParams } from "../../src/policy/params/params.js";
import { policyParamsSchema } from "../../src/policy/params/schema.js";

describe("policy params", () => {
  it("an empty file gives exactly defaultParams (which checking uses without loading the schema)", () => {
    expect(policyParamsSchema.parse({})).toStrictEqual(defaultParams);
    expect(parseParams("{}\n", "params.yaml")).toStrictEqual(defaultParams);
  });

  it("defaults are fresh arrays, never defaultParams' own", () => {
    const a = policyParamsSchema.parse({});
    a.adminGroups.push("x");
    expect(policyParamsSchema.parse({}).adminGroups).toEqual(defaultParams.adminGroups);
    expect(defaultParams.adminGroups).not.toContain("x");
  });

  it("keeps given values and rejects unknown keys with file:line", () => {
    expect(parseParams("ownerLabel: squad\n", "p.yaml").ownerLabel).toBe("squad");
    try {
      parseParams("ownerLabel: squad\nownerLable: x\n", "p.yaml");
      expect.unreachable("an unknown key must be rejected");
    } catch (e) {
      expect(e).toBeInstanceOf(BespokeInputError);
      const d = (e as BespokeInputError).diagnostics[0];
      expect(d?.location?.file).toBe("p.yaml");
      expect(d?.message).toMatch(/ownerLable/);
    }
  });
});
