import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Codes } from "../../src/core/codes.js";
import { DEFAULT_KUBE_VERSION, isDiagnostic, minorOf, parseKubeVersion } from "../../src/dev/versions.js";

describe("parseKubeVersion", () => {
  it("keeps exact releases and normalises a missing v", () => {
    expect(parseKubeVersion("v1.36.4")).toEqual({ kind: "exact", version: "v1.36.4", minor: 36 });
    expect(parseKubeVersion("1.35.0")).toEqual({ kind: "exact", version: "v1.35.0", minor: 35 });
  });

  it("maps the default's minor line to the default release without a lookup", () => {
    expect(parseKubeVersion(minorOf(DEFAULT_KUBE_VERSION))).toEqual({
      kind: "exact",
      version: DEFAULT_KUBE_VERSION,
      minor: Number(DEFAULT_KUBE_VERSION.split(".")[1]),
    });
  });

  it("leaves other minor lines to the build script to resolve", () => {
    expect(parseKubeVersion("v1.34")).toEqual({ kind: "minor", version: "v1.34", minor: 34 });
  });

  it("rejects anything else with BSP5006 and a hint", () => {
    for (const bad of ["latest", "v2.1.0", "v1", "v1.37.2-rc.0", "", "v1.x"]) {
      const r = parseKubeVersion(bad);
      expect(isDiagnostic(r), bad).toBe(true);
      if (isDiagnostic(r)) {
        expect(r.code).toBe(Codes.devBadVersion);
        expect(r.hint).toContain("v1.N");
      }
    }
  });

  it("round-trips every v1.N.P (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 9999 }), (minor, patch) => {
        const r = parseKubeVersion(`v1.${minor}.${patch}`);
        expect(r).toEqual({ kind: "exact", version: `v1.${minor}.${patch}`, minor });
      }),
    );
  });
});
