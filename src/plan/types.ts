import type { Area, CatalogEntry, Level, TargetGroup } from "../catalog/schema.js";
import type { Facts } from "../spec/facts.js";
import type { FactName } from "../catalog/schema.js";

/** How a component got into the plan. */
export type Via = "level" | "condition" | "required" | "override";

export interface PlannedComponent {
  readonly id: string;
  readonly area: Area;
  readonly name: string;
  /** The catalog level for this target group. */
  readonly level: Level;
  readonly via: Via;
  /** Why it is in, in words a platform owner understands. */
  readonly reason: string;
  /** Chosen ids this one depends on (requires resolved through `provides`). */
  readonly dependsOn: readonly string[];
  /** Install order: 0 first; every dependency sits in an earlier wave. */
  readonly wave: number;
  readonly entry: CatalogEntry;
}

export interface SkippedComponent {
  readonly id: string;
  readonly area: Area;
  readonly name: string;
  readonly level: Level;
  readonly reason: string;
}

export interface PlanConflict {
  readonly a: string;
  readonly b: string;
  /** What the planner did about it. */
  readonly resolution: string;
}

/** A problem the plan cannot be made with; `specPath` points into platform.yaml when it comes from there. */
export interface PlanIssue {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly specPath?: readonly (string | number)[];
}

export interface Plan {
  readonly platform: string;
  readonly targetGroup: TargetGroup;
  readonly facts: Facts;
  readonly assumedFacts: readonly FactName[];
  readonly components: readonly PlannedComponent[];
  readonly skipped: readonly SkippedComponent[];
  /** Component ids per wave, in install order. */
  readonly waves: readonly (readonly string[])[];
  readonly conflicts: readonly PlanConflict[];
  /** Things to know that do not stop the plan (e.g. an override forcing a retired component). */
  readonly warnings: readonly string[];
}

export type PlanResult =
  { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly issues: readonly PlanIssue[] };
