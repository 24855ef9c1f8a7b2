/**
 * Small text helpers that reproduce upstream's message style (pluralize, joinQuote, Go's %q), so
 * our messages read like the apiserver's.
 */
import type { Offender } from "./model.js";

export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

export function joinQuote(items: readonly string[]): string {
  return items.length === 0 ? "" : `"${items.join('", "')}"`;
}

/** Sorted, de-duplicated copy (upstream uses sorted string sets for value lists). */
export function sortedSet(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(byCodeUnit);
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Go's `%q` for the strings that appear in pod fields: escapes quotes, backslashes, controls. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + '"';
}

/** Container names in the order upstream visits them (init, regular, ephemeral). */
export function containerNames(offenders: readonly Offender[], kind?: string): string[] {
  return offenders
    .filter((o) => o.container !== undefined && (kind === undefined || o.kind === kind))
    .map((o) => o.container as string);
}

/** `container "a"` / `containers "a", "b"`. */
export function containersPhrase(names: readonly string[]): string {
  return `${pluralize("container", "containers", names.length)} ${joinQuote(names)}`;
}

/**
 * "pod and containers "a", "b"": the setter list that upstream puts before "must not set".
 * Pod-level offenders have no container; `podKind` tells them apart from annotations.
 */
export function settersPhrase(offenders: readonly Offender[], podKind = "pod"): string {
  const setters: string[] = [];
  if (offenders.some((o) => o.container === undefined && o.kind === podKind)) setters.push("pod");
  const names = containerNames(offenders);
  if (names.length > 0) setters.push(containersPhrase(names));
  return setters.join(" and ");
}

export function allValues(offenders: readonly Offender[]): string[] {
  return offenders.flatMap((o) => o.values);
}
