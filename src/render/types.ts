import type { Plan } from "../plan/types.js";

export type GitOpsFlavour = "argocd" | "flux";

export interface RenderOptions {
  readonly gitops: GitOpsFlavour;
  /** The Git repository the rendered tree is pushed to; Argo CD and Flux read it from there. */
  readonly repoUrl: string;
  readonly revision: string;
  /** Extra guardrail files (e.g. the policy library's VAPs) under guardrails/<dir>/, path → text. */
  readonly extraGuardrails?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Relative POSIX path → UTF-8 file content, sorted by path. */
export type RenderedTree = ReadonlyMap<string, string>;

export interface RenderInput {
  readonly plan: Plan;
  readonly options: RenderOptions;
}

export const placeholderRepoUrl = (platform: string) =>
  `https://git.example.invalid/platform/${platform}.git`;
