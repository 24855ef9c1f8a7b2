import { selectorMatches } from "./selectors.js";
import type { MatchResources, NamedRuleWithOperations, Operation } from "./types.js";

/** What the matcher needs to know about one request (derived once in engine.ts). */
export interface MatchTarget {
  operation: Operation;
  group: string;
  version: string;
  resource: string;
  subResource: string;
  name: string;
  namespace: string;
  clusterScoped: boolean;
  isNamespace: boolean;
  objectLabels: Record<string, string> | undefined;
  oldObjectLabels: Record<string, string> | undefined;
  namespaceLabels: Record<string, string> | undefined;
}

function listMatches(list: readonly string[] | undefined, value: string): boolean {
  return list !== undefined && (list.includes("*") || list.includes(value));
}

function resourceMatches(resources: readonly string[] | undefined, resource: string, sub: string): boolean {
  if (resources === undefined) return false;
  const full = sub === "" ? resource : `${resource}/${sub}`;
  for (const r of resources) {
    if (r === full || r === "*/*") return true;
    if (r === "*" && sub === "") return true;
    const slash = r.indexOf("/");
    if (slash >= 0) {
      const [rr, rs] = [r.slice(0, slash), r.slice(slash + 1)];
      if ((rr === "*" || rr === resource) && (rs === "*" || rs === sub) && sub !== "") return true;
    }
  }
  return false;
}

/**
 * One rule of resourceRules/excludeResourceRules. Under matchPolicy Equivalent (the default) a rule
 * naming another version of the same group/resource still matches: the apiserver would convert.
 */
export function ruleMatches(rule: NamedRuleWithOperations, t: MatchTarget, equivalent: boolean): boolean {
  if (!listMatches(rule.operations, t.operation)) return false;
  if (!listMatches(rule.apiGroups, t.group)) return false;
  if (!equivalent && !listMatches(rule.apiVersions, t.version)) return false;
  if (!resourceMatches(rule.resources, t.resource, t.subResource)) return false;
  const scope = rule.scope ?? "*";
  if (scope === "Cluster" && !t.clusterScoped) return false;
  if (scope === "Namespaced" && t.clusterScoped) return false;
  if (
    rule.resourceNames !== undefined &&
    rule.resourceNames.length > 0 &&
    !rule.resourceNames.includes(t.name)
  ) {
    return false;
  }
  return true;
}

export function matchResources(m: MatchResources | undefined, t: MatchTarget): boolean {
  if (m === undefined) return true;
  // namespaceSelector: cluster-scoped objects other than Namespaces always pass; a Namespace is
  // matched by its own labels.
  if (m.namespaceSelector !== undefined && (!t.clusterScoped || t.isNamespace)) {
    const labels = t.isNamespace ? (t.objectLabels ?? t.oldObjectLabels) : t.namespaceLabels;
    if (!selectorMatches(m.namespaceSelector, labels)) return false;
  }
  if (m.objectSelector !== undefined) {
    const either =
      selectorMatches(m.objectSelector, t.objectLabels ?? {}) ||
      (t.oldObjectLabels !== undefined && selectorMatches(m.objectSelector, t.oldObjectLabels));
    if (!either) return false;
  }
  return rulesMatch(m, t);
}

/**
 * matchResources precompiled for one policy or binding. Its resource rules depend only on what a
 * request names (operation, group, version, resource, scope, unless a rule lists resourceNames),
 * so their verdict is kept per such key; selectors are evaluated per request, memoised by their
 * text across the policies of a request (the library's policies share one objectSelector).
 */
export interface CompiledMatch {
  readonly m: MatchResources | undefined;
  readonly byKey: Map<string, boolean> | undefined;
  readonly namespaceSelectorKey: string | undefined;
  readonly objectSelectorKey: string | undefined;
}

export function compileMatch(m: MatchResources | undefined): CompiledMatch {
  const namesResources = [...(m?.resourceRules ?? []), ...(m?.excludeResourceRules ?? [])].some(
    (r) => r.resourceNames !== undefined && r.resourceNames.length > 0,
  );
  return {
    m,
    byKey: namesResources ? undefined : new Map(),
    namespaceSelectorKey:
      m?.namespaceSelector === undefined ? undefined : `n${JSON.stringify(m.namespaceSelector)}`,
    objectSelectorKey: m?.objectSelector === undefined ? undefined : `o${JSON.stringify(m.objectSelector)}`,
  };
}

/** The part of a target its resource rules see, as a key (see CompiledMatch). */
export function ruleKeyOf(t: MatchTarget): string {
  return `${t.operation}\u0000${t.group}\u0000${t.version}\u0000${t.resource}\u0000${t.subResource}\u0000${t.clusterScoped}`;
}

function rulesMatch(m: MatchResources, t: MatchTarget): boolean {
  const equivalent = (m.matchPolicy ?? "Equivalent") === "Equivalent";
  if ((m.excludeResourceRules ?? []).some((r) => ruleMatches(r, t, equivalent))) return false;
  const rules = m.resourceRules ?? [];
  return rules.length === 0 || rules.some((r) => ruleMatches(r, t, equivalent));
}

/**
 * matchResources(c.m, t), with `ruleKey` = ruleKeyOf(t) and `selectors` a memo for the request
 * (every part is a pure boolean, so the order of the checks does not matter).
 */
export function matchCompiled(
  c: CompiledMatch,
  t: MatchTarget,
  ruleKey: string,
  selectors: Map<string, boolean>,
): boolean {
  const m = c.m;
  if (m === undefined) return true;
  let rules = c.byKey?.get(ruleKey);
  if (rules === undefined) {
    rules = rulesMatch(m, t);
    c.byKey?.set(ruleKey, rules);
  }
  if (!rules) return false;
  if (c.namespaceSelectorKey !== undefined && (!t.clusterScoped || t.isNamespace)) {
    let ok = selectors.get(c.namespaceSelectorKey);
    if (ok === undefined) {
      const labels = t.isNamespace ? (t.objectLabels ?? t.oldObjectLabels) : t.namespaceLabels;
      selectors.set(c.namespaceSelectorKey, (ok = selectorMatches(m.namespaceSelector, labels)));
    }
    if (!ok) return false;
  }
  if (c.objectSelectorKey !== undefined) {
    let ok = selectors.get(c.objectSelectorKey);
    if (ok === undefined) {
      ok =
        selectorMatches(m.objectSelector, t.objectLabels ?? {}) ||
        (t.oldObjectLabels !== undefined && selectorMatches(m.objectSelector, t.oldObjectLabels));
      selectors.set(c.objectSelectorKey, ok);
    }
    if (!ok) return false;
  }
  return true;
}
