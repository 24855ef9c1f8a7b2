import fc from "fast-check";
import type { PlatformSpec } from "../../src/spec/schema.js";

/** Any valid platform spec: every fact optional, overrides over the given component ids. */
export function arbSpec(componentIds: readonly string[]): fc.Arbitrary<PlatformSpec> {
  const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const override = fc.record({
    component: fc.constantFrom(...componentIds),
    include: fc.boolean(),
    reason: fc.constantFrom(
      "the platform team decided so",
      "our auditors asked for it",
      "we run it elsewhere already",
    ),
  });
  return fc
    .record({
      targetGroup: fc.constantFrom("SUP", "MBU", "ENT"),
      infrastructure: opt(
        fc.record(
          {
            provisioning: opt(fc.constantFrom("api", "bare-metal")),
            provider: opt(fc.constantFrom("vsphere", "openstack", "metal3", "none")),
            vmwareShop: opt(fc.boolean()),
            airGapped: opt(fc.boolean()),
            autoscaling: opt(fc.boolean()),
          },
          { requiredKeys: [] },
        ),
      ),
      workloads: opt(
        fc.record(
          {
            stateful: opt(fc.boolean()),
            externalExposure: opt(fc.boolean()),
            teams: opt(fc.integer({ min: 1, max: 200 })),
            apps: opt(fc.integer({ min: 1, max: 2000 })),
          },
          { requiredKeys: [] },
        ),
      ),
      compliance: opt(fc.record({ required: opt(fc.boolean()) }, { requiredKeys: [] })),
      identity: opt(
        fc.record(
          { provider: opt(fc.constantFrom("none", "ldap", "active-directory", "oidc", "saml")) },
          { requiredKeys: [] },
        ),
      ),
      budget: opt(fc.record({ supportedDistribution: opt(fc.boolean()) }, { requiredKeys: [] })),
      multiCluster: opt(fc.boolean()),
      skills: opt(
        fc.record({ kubernetes: opt(fc.constantFrom("none", "basic", "advanced")) }, { requiredKeys: [] }),
      ),
      gitops: opt(fc.constantFrom("argocd", "flux")),
      overrides: opt(fc.uniqueArray(override, { selector: (o) => o.component, maxLength: 4 })),
    })
    .map((s) => JSON.parse(JSON.stringify(s)) as PlatformSpec);
}
