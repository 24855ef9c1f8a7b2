import { z } from "zod";
import { TargetGroup } from "../catalog/schema.js";

/**
 * platform.yaml: who the platform team is and the facts that change Bespoke's choices.
 * Everything but `targetGroup` is optional: missing facts take the target group's defaults
 * (see facts.ts), and the plan says which facts were assumed.
 */
const dnsLabel = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "a lower-case DNS label: letters, digits and '-'")
  .max(40, "at most 40 characters (names are derived from it)");

const componentId = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "a catalog id (see `bespoke catalog list`)");

export const Override = z
  .object({
    component: componentId.describe("Catalog id of the component (see `bespoke catalog list`)."),
    include: z.boolean().describe("true to add the component to the plan, false to leave it out."),
    reason: z
      .string()
      .min(10, "say why in a sentence (at least 10 characters)")
      .describe("Why; shown in the plan."),
  })
  .strict();
export type Override = z.infer<typeof Override>;

export const PlatformSpec = z
  .object({
    targetGroup: TargetGroup.describe("SUP: small company, MBU: medium business unit, ENT: enterprise."),
    kubernetesVersion: z
      .string()
      .regex(/^v1\.\d+$/, "a Kubernetes minor like v1.37")
      .optional()
      .describe("Kubernetes minor to build for (default: the newest supported)."),
    infrastructure: z
      .object({
        provisioning: z
          .enum(["api", "bare-metal"])
          .optional()
          .describe(
            "api: nodes come from an API (vSphere, OpenStack, Metal3); bare-metal: machines are set up by hand.",
          ),
        provider: z.enum(["vsphere", "openstack", "metal3", "none"]).optional(),
        vmwareShop: z.boolean().optional().describe("The company runs VMware vSphere today."),
        airGapped: z.boolean().optional().describe("The cluster cannot reach the internet."),
        autoscaling: z
          .boolean()
          .optional()
          .describe("Add and remove nodes with load (needs provisioning: api)."),
      })
      .strict()
      .optional(),
    workloads: z
      .object({
        stateful: z
          .boolean()
          .optional()
          .describe("Databases, queues or other apps that keep data on volumes."),
        externalExposure: z.boolean().optional().describe("Apps are reachable from outside the cluster."),
        teams: z.number().int().min(1).max(10_000).optional(),
        apps: z.number().int().min(1).max(100_000).optional(),
      })
      .strict()
      .optional(),
    compliance: z
      .object({
        required: z
          .boolean()
          .optional()
          .describe("Audits or regulation apply (ISO 27001, PCI DSS, BSI C5, …)."),
        frameworks: z.array(z.string().min(2)).optional(),
      })
      .strict()
      .optional(),
    identity: z
      .object({
        provider: z.enum(["none", "ldap", "active-directory", "oidc", "saml"]).optional(),
        issuerUrl: z
          .url({ protocol: /^https$/ })
          .optional()
          .describe("OIDC issuer of the existing identity provider."),
      })
      .strict()
      .optional(),
    budget: z
      .object({
        supportedDistribution: z
          .boolean()
          .optional()
          .describe("Money for a supported distribution's subscription."),
      })
      .strict()
      .optional(),
    multiCluster: z.boolean().optional(),
    skills: z
      .object({ kubernetes: z.enum(["none", "basic", "advanced"]).optional() })
      .strict()
      .optional(),
    gitops: z.enum(["argocd", "flux"]).optional(),
    overrides: z.array(Override).optional(),
  })
  .strict();
export type PlatformSpec = z.infer<typeof PlatformSpec>;

export const apiVersion = "bespoke.dev/v1alpha1";

export const Platform = z
  .object({
    apiVersion: z.literal(apiVersion),
    kind: z.literal("Platform"),
    metadata: z.object({ name: dnsLabel, description: z.string().optional() }).strict(),
    spec: PlatformSpec,
  })
  .strict();
export type Platform = z.infer<typeof Platform>;
