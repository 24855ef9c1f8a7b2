import { z } from "zod";
import type { Severity } from "../report/index.js";

/**
 * `--config FILE` for image lint and inspect. `allowedRegistries` is a plain list of registry host
 * (or host/path) prefixes: the same shape as the policy library's trusted-registries parameter, so one
 * list can feed both.
 */
export const imageConfigSchema = z
  .object({
    allowedRegistries: z.array(z.string().min(1)).optional(),
    /** The policy library's name for the same list (PolicyParams.trustedRegistries); both are merged. */
    trustedRegistries: z.array(z.string().min(1)).optional(),
    /** Image reference as written in FROM (without digest) → "sha256:…", used by --fix. */
    digests: z
      .record(
        z.string(),
        z.string().regex(/^sha256:[0-9a-f]{64}$/, "a digest is sha256: followed by 64 hex digits"),
      )
      .optional(),
    /** Rule id → severity, or "off" to disable the rule. */
    rules: z.record(z.string(), z.enum(["error", "warning", "info", "off"])).optional(),
    /** User name → numeric "UID" or "UID:GID", used by --fix for USER. */
    users: z.record(z.string(), z.string().regex(/^\d+(:\d+)?$/, "a numeric UID or UID:GID")).optional(),
  })
  .strict();

export type ImageConfigInput = z.infer<typeof imageConfigSchema>;

export interface ImageConfig {
  readonly allowedRegistries: readonly string[];
  readonly digests: Readonly<Record<string, string>>;
  readonly rules: Readonly<Record<string, Severity | "off">>;
  readonly users: Readonly<Record<string, string>>;
}

export const defaultImageConfig: ImageConfig = { allowedRegistries: [], digests: {}, rules: {}, users: {} };

export function normaliseConfig(input: ImageConfigInput): ImageConfig {
  return {
    allowedRegistries: [
      ...new Set([...(input.allowedRegistries ?? []), ...(input.trustedRegistries ?? [])]),
    ].sort(),
    digests: input.digests ?? {},
    rules: input.rules ?? {},
    users: input.users ?? {},
  };
}

/** Well-known non-root users of common base images, for the numeric USER fix. */
export const wellKnownUsers: Readonly<Record<string, string>> = {
  nobody: "65534:65534",
  nonroot: "65532:65532",
  node: "1000:1000",
  www: "33:33",
  "www-data": "33:33",
  daemon: "1:1",
};
