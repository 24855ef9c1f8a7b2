import { describe, expect, it } from "vitest";
import { parsePlatform } from "../../src/spec/parse.js";
import { platformTemplate } from "../../src/spec/template.js";
import { resolveFacts, groupDefaults } from "../../src/spec/facts.js";

const minimal = `apiVersion: bespoke.dev/v1alpha1
kind: Platform
metadata:
  name: acme
spec:
  targetGroup: MBU
`;

function errors(text: string) {
  const r = parsePlatform(text, "p.yaml");
  if (r.ok) throw new Error("expected errors");
  return r.diagnostics;
}

describe("parsePlatform", () => {
  it("accepts every init template", () => {
    for (const g of ["SUP", "MBU", "ENT"] as const) {
      const r = parsePlatform(platformTemplate(g), "p.yaml");
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.platform.spec.targetGroup).toBe(g);
    }
  });

  it("reports every error at once with file:line:col and a stable code", () => {
    const text = `apiVersion: bespoke.dev/v1alpha1
kind: Platform
metadata:
  name: acme
spec:
  targetGroup: XXL
  multiCluster: "yes"
  colour: blue
  workloads:
    teams: -1
`;
    const d = errors(text);
    const byCode = d.map((x) => `${x.code}@${x.location?.line}:${x.location?.col}`).sort();
    expect(byCode).toEqual(["BSP1003@10:12", "BSP1003@6:16", "BSP1003@7:17", "BSP1004@8:3"].sort());
    const unknown = d.find((x) => x.code === "BSP1004");
    expect(unknown?.message).toContain('"colour"');
    expect(d.find((x) => x.location?.line === 6)?.hint).toMatch(/SUP .*MBU .*ENT/);
  });

  it("suggests the field a typo meant", () => {
    const d = errors(minimal + "  multiCluter: true\n");
    expect(d).toHaveLength(1);
    expect(d[0]?.hint).toBe('did you mean "multiCluster"?');
    expect(d[0]?.location).toEqual({ file: "p.yaml", line: 7, col: 3 });
  });

  it("names missing required fields at their parent", () => {
    const d = errors(
      "apiVersion: bespoke.dev/v1alpha1\nkind: Platform\nmetadata:\n  name: a\nspec:\n  gitops: flux\n",
    );
    expect(d.map((x) => x.message)).toEqual(["spec.targetGroup is required"]);
    expect(d[0]?.location?.line).toBe(6);
  });

  it("rejects duplicate keys, malformed YAML, empty files and several documents", () => {
    expect(errors(minimal + "  targetGroup: ENT\n")[0]?.code).toBe("BSP1002");
    expect(errors("spec: [unclosed\n")[0]?.code).toBe("BSP1001");
    expect(errors("  \n")[0]?.code).toBe("BSP1007");
    const multi = errors(minimal + "---\n" + minimal);
    expect(multi[0]?.code).toBe("BSP1008");
    expect(multi[0]?.location?.line).toBe(7);
  });

  it("refuses a wrong apiVersion with the right one in the hint", () => {
    const d = errors(minimal.replace("v1alpha1", "v9"));
    expect(d[0]?.message).toBe('apiVersion must be "bespoke.dev/v1alpha1"');
    expect(d[0]?.location?.line).toBe(1);
  });
});

describe("resolveFacts", () => {
  it("takes the target group's defaults and says which were assumed", () => {
    const r = parsePlatform(minimal, "p.yaml");
    if (!r.ok) throw new Error("parse");
    const { facts, assumed } = resolveFacts(r.platform);
    expect(facts.teams).toBe(groupDefaults.MBU.teams);
    expect(assumed).toContain("teams");
    expect(assumed).not.toContain("targetGroup");
  });

  it("turns autoscaling off on bare metal and derives the provider", () => {
    const r = parsePlatform(minimal + "  infrastructure:\n    provisioning: bare-metal\n", "p.yaml");
    if (!r.ok) throw new Error("parse");
    const { facts, assumed } = resolveFacts(r.platform);
    expect(facts.autoscaling).toBe(false);
    expect(facts.infrastructureProvider).toBe("none");
    expect(assumed).not.toContain("provisioning");
  });
});
