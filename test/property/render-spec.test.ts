import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stringify } from "yaml";
import { defaultCatalog } from "../../src/catalog/default.js";
import { renderFromText } from "../../src/render/from-text.js";
import { dnsLabel, dnsName, isDnsLabel, isDnsSubdomain } from "../../src/core/names.js";
import { docsOf } from "../unit/render-support.js";

const catalog = defaultCatalog();
const ids = catalog.entries.map((e) => e.id);

const spec = fc.record(
  {
    targetGroup: fc.constantFrom("SUP", "MBU", "ENT"),
    kubernetesVersion: fc.constantFrom("v1.35", "v1.36", "v1.37"),
    infrastructure: fc.record(
      {
        provisioning: fc.constantFrom("api", "bare-metal"),
        provider: fc.constantFrom("vsphere", "openstack", "metal3", "none"),
        autoscaling: fc.boolean(),
        airGapped: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    workloads: fc.record(
      {
        stateful: fc.boolean(),
        teams: fc.integer({ min: 1, max: 500 }),
        apps: fc.integer({ min: 1, max: 5000 }),
      },
      { requiredKeys: [] },
    ),
    compliance: fc.record({ required: fc.boolean() }, { requiredKeys: [] }),
    identity: fc.record(
      {
        provider: fc.constantFrom("none", "ldap", "active-directory", "oidc", "saml"),
        issuerUrl: fc.constant("https://login.corp.example/realms/k8s"),
      },
      { requiredKeys: [] },
    ),
    gitops: fc.constantFrom("argocd", "flux"),
    overrides: fc.uniqueArray(
      fc.record({
        component: fc.constantFrom(...ids),
        include: fc.boolean(),
        reason: fc.constant("a reason for the property test"),
      }),
      { maxLength: 4, selector: (o) => o.component },
    ),
  },
  { requiredKeys: ["targetGroup"] },
);

describe("render properties", () => {
  it("any valid spec renders twice identically, all YAML parses, every name is DNS-1123", () => {
    let rendered = 0;
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 30 })
          .map((s) => dnsLabel(s).slice(0, 40).replace(/-+$/, "") || "p"),
        spec,
        (name, s) => {
          const text = stringify({
            apiVersion: "bespoke.dev/v1alpha1",
            kind: "Platform",
            metadata: { name },
            spec: s,
          });
          const a = renderFromText(text, "platform.yaml", catalog);
          if (!a.ok) return; // the planner refused (e.g. an override conflict): a located error, not a render
          rendered++;
          const b = renderFromText(text, "platform.yaml", catalog);
          expect(b.ok && [...b.tree]).toEqual([...a.tree]);
          for (const d of docsOf(a.tree)) {
            const n = d.obj.metadata?.["name"];
            if (d.obj.metadata)
              expect(isDnsSubdomain(String(n)) && String(n).length <= 63, `${d.path}: ${String(n)}`).toBe(
                true,
              );
            const ns = d.obj.metadata?.["namespace"];
            if (ns !== undefined) expect(isDnsLabel(String(ns))).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
    expect(rendered).toBeGreaterThan(5);
  });

  it("names: any string becomes a valid label ≤ 63, valid names pass through unchanged, distinct long names stay distinct", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(isDnsLabel(dnsLabel(s))).toBe(true);
        const sub = dnsName(s);
        expect(isDnsSubdomain(sub) && sub.length <= 63).toBe(true);
        if (isDnsLabel(s)) expect(dnsLabel(s)).toBe(s);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{70,90}$/), fc.stringMatching(/^[a-z]{1,5}$/), (p, q) => {
        expect(dnsLabel(p + q)).not.toBe(dnsLabel(p + q + "x"));
      }),
    );
  });
});
