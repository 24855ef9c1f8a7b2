/** The params file's schema: validation and defaults for `--params FILE` (see params.ts). */
import { z } from "zod";
import { defaultParams, type PolicyParams } from "./params.js";

const list = z.array(z.string().min(1));

export const policyParamsSchema = z
  .object({
    apiVersion: z.literal("bespoke.dev/v1alpha1").optional(),
    kind: z.literal("PolicyParams").optional(),
    trustedRegistries: list.default(() => [...defaultParams.trustedRegistries]),
    allowedImages: list.default(() => [...defaultParams.allowedImages]),
    requiredLabels: list.default(() => [...defaultParams.requiredLabels]),
    ownerLabel: z.string().min(1).default(defaultParams.ownerLabel),
    externalServiceNamespaces: list.default(() => [...defaultParams.externalServiceNamespaces]),
    prodNamespacePattern: z.string().min(1).default(defaultParams.prodNamespacePattern),
    platformNamespaces: list.default(() => [...defaultParams.platformNamespaces]),
    adminGroups: list.default(() => [...defaultParams.adminGroups]),
  })
  .strict();

// The schema's output and PolicyParams are the same shape, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const schemaMatchesParams: Same<z.output<typeof policyParamsSchema>, PolicyParams> = true;
