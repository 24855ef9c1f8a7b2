import { z } from "zod";

/**
 * The catalog entry: everything the planner needs to pick or skip a component and explain why,
 * and everything the renderer needs to install it. One data module per component in ./components/.
 */
export const targetGroups = ["SUP", "MBU", "ENT"] as const;
export const TargetGroup = z.enum(targetGroups);
export type TargetGroup = z.infer<typeof TargetGroup>;

export const levels = ["mandatory", "recommended", "optional", "not-needed"] as const;
export const Level = z.enum(levels);
export type Level = z.infer<typeof Level>;

export const areas = [
  "installer",
  "os",
  "autoscaling",
  "cni",
  "ingress",
  "monitoring",
  "logging",
  "tracing",
  "backup",
  "storage",
  "pod-security",
  "policy",
  "sso",
  "secrets",
  "audit",
  "runtime-security",
  "registry",
  "scanning",
  "ui",
  "mesh",
  "dns",
  "certs",
  "metrics",
  "gitops",
  "ci",
  "image-build",
] as const;
export const Area = z.enum(areas);
export type Area = z.infer<typeof Area>;

const id = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "ids are lower-case DNS labels")
  .max(63);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const exactVersion = z
  .string()
  .min(1)
  .refine((v) => !/^(latest|stable|\*|x)$/i.test(v) && !/[~^<>=*| ]/.test(v) && !/\.x$/i.test(v), {
    message: "pin an exact version: no ranges, no 'latest'",
  });

/**
 * Facts from platform.yaml that conditions can test. Paths are the resolved facts (see src/spec/facts.ts),
 * listed here so a typo in the catalog fails validation instead of silently never matching.
 */
export const factNames = [
  "targetGroup",
  "provisioning",
  "infrastructureProvider",
  "vmwareShop",
  "statefulWorkloads",
  "externalExposure",
  "teams",
  "apps",
  "complianceRequired",
  "identityProvider",
  "supportedDistributionBudget",
  "multiCluster",
  "kubernetesSkills",
  "gitops",
  "autoscaling",
  "airGapped",
] as const;
export const FactName = z.enum(factNames);
export type FactName = z.infer<typeof FactName>;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A condition on the resolved facts, with the words the planner shows when it decides on it. */
export const Condition = z
  .object({
    fact: FactName,
    equals: scalar.optional(),
    in: z.array(scalar).min(1).optional(),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    /** Said when the condition holds, e.g. "you run stateful workloads". */
    because: z.string().min(3),
    /** Said when it does not hold, e.g. "you run no stateful workloads". */
    otherwise: z.string().min(3),
  })
  .strict()
  .refine(
    (c) => [c.equals, c.in, c.atLeast, c.atMost].filter((x) => x !== undefined).length === 1,
    "a condition has exactly one of equals, in, atLeast, atMost",
  );
export type Condition = z.infer<typeof Condition>;

export const HelmChart = z
  .object({
    kind: z.literal("helm"),
    /** https://… chart repository or oci://… registry path (without the chart name for https repos). */
    repo: z.string().regex(/^(https|oci):\/\//, "https:// or oci://"),
    chart: z.string().min(1),
    version: exactVersion,
    /** Version of the software the chart installs, when it differs from the chart's. */
    appVersion: exactVersion.optional(),
    /**
     * Further charts from the same repository that make up the component (Istio's base/cni/ztunnel,
     * rook-ceph-cluster…), installed into the same namespace before or after the main chart.
     */
    companions: z
      .array(
        z
          .object({
            chart: z.string().min(1),
            version: exactVersion,
            order: z.enum(["before", "after"]),
            values: z.record(z.string(), z.unknown()).default({}),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export const Manifests = z
  .object({
    kind: z.literal("manifests"),
    /** Where the release manifests come from (a release asset or a kustomize base). */
    source: z.string().regex(/^https:\/\//),
    version: exactVersion,
  })
  .strict();

/** Not deployed into the cluster by GitOps: host software, the installer itself, a CLI. */
export const HostInstall = z
  .object({
    kind: z.literal("host"),
    version: exactVersion,
    how: z.string().min(3),
  })
  .strict();

/** A feature of Kubernetes itself (Pod Security Admission, VAP, audit policy): configured, not installed. */
export const BuiltIn = z
  .object({
    kind: z.literal("builtin"),
    since: z.string().regex(/^v1\.\d+$/),
    how: z.string().min(3),
  })
  .strict();

export const Install = z.discriminatedUnion("kind", [HelmChart, Manifests, HostInstall, BuiltIn]);
export type Install = z.infer<typeof Install>;

export const PodSecurityLevel = z.enum(["restricted", "baseline", "privileged"]);
export type PodSecurityLevel = z.infer<typeof PodSecurityLevel>;

export const Port = z
  .object({
    port: z.number().int().min(1).max(65535),
    protocol: z.enum(["TCP", "UDP", "SCTP"]).default("TCP"),
    /** Who talks to it: the world (through the gateway), the cluster, or monitoring. */
    from: z.enum(["ingress", "cluster", "monitoring", "nodes"]),
    purpose: z.string().min(3),
  })
  .strict();

/** How the component runs in the cluster: what the renderer's guardrails must allow. */
export const Runtime = z
  .object({
    namespace: id,
    podSecurity: PodSecurityLevel,
    /** Required unless podSecurity is restricted: why the component needs more. */
    podSecurityReason: z.string().min(10).optional(),
    ports: z.array(Port).default([]),
    /** Talks to the Kubernetes API (controllers, operators). */
    needsApiServer: z.boolean(),
    /** Needs to reach outside the cluster (registries, DNS providers, IdPs, object storage). */
    needsEgress: z.boolean().default(false),
    /** Hardened Helm values merged over the chart defaults (non-root, resources, read-only fs…). */
    values: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .refine((r) => r.podSecurity === "restricted" || r.podSecurityReason !== undefined, {
    message: "podSecurityReason is required when podSecurity is not restricted",
    path: ["podSecurityReason"],
  });
export type Runtime = z.infer<typeof Runtime>;

const perGroup = <T extends z.ZodType>(t: T) => z.object({ SUP: t, MBU: t, ENT: t }).strict();

export const CatalogEntry = z
  .object({
    id,
    area: Area,
    name: z.string().min(2),
    description: z.string().min(20),
    /** Bespoke's level per target group in 2026. */
    levels: perGroup(Level),
    /** What the original recipe said about it. */
    seed: z
      .object({
        /** The recipe's own levels, where it assigned them. */
        levels: perGroup(Level).optional(),
        said: z.string().min(10),
      })
      .strict(),
    /** Why our levels differ from the recipe's; required when they do. */
    deviation: z.string().min(10).optional(),
    status: z.enum(["current", "deprecated", "retired"]),
    /** Catalog id of the successor (deprecated/retired). */
    replacement: id.optional(),
    /** Why it has this status (licence change, archived, EOL…). */
    statusReason: z.string().min(10).optional(),
    verified: isoDate,
    sources: z.array(z.url()).min(1),
    install: Install.optional(),
    runtime: Runtime.optional(),
    /** Component ids or capabilities (see `provides`) this one needs. */
    requires: z.array(id).default([]),
    conflicts: z.array(id).default([]),
    provides: z.array(id).default([]),
    /**
     * Alternatives: components sharing a group compete; the planner keeps one (preferred first,
     * then lowest rank) and says why the others were not chosen.
     */
    alternatives: z
      .object({ group: id, rank: z.number().int().min(1), preferWhen: z.array(Condition).default([]) })
      .strict()
      .optional(),
    /** All must hold for the component to be chosen at all (e.g. storage only with stateful workloads). */
    onlyWhen: z.array(Condition).default([]),
    /** Any one promotes an optional component into the plan (e.g. Keycloak when there is no IdP). */
    includeWhen: z.array(Condition).default([]),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.status !== "current" && !e.replacement && !e.statusReason) {
      ctx.addIssue({
        code: "custom",
        message: "a deprecated/retired entry needs replacement or statusReason",
      });
    }
    if (e.status !== "current" && !e.statusReason) {
      ctx.addIssue({ code: "custom", path: ["statusReason"], message: "say why it is " + e.status });
    }
    const seedLevels = e.seed.levels;
    if (seedLevels && !e.deviation) {
      const differs = targetGroups.some((g) => seedLevels[g] !== e.levels[g]);
      if (differs)
        ctx.addIssue({
          code: "custom",
          path: ["deviation"],
          message: "levels differ from the seed's: say why",
        });
    }
    if (e.status === "current" && !e.install) {
      ctx.addIssue({
        code: "custom",
        path: ["install"],
        message: "a current component says how it is installed",
      });
    }
    if (e.install && (e.install.kind === "helm" || e.install.kind === "manifests") && !e.runtime) {
      ctx.addIssue({
        code: "custom",
        path: ["runtime"],
        message: "an in-cluster component says how it runs",
      });
    }
  });

/** What data modules are written as (defaults not yet applied). */
export type CatalogEntryInput = z.input<typeof CatalogEntry>;
export type CatalogEntry = z.infer<typeof CatalogEntry>;
