import { createHash } from "node:crypto";

/**
 * The one place that turns any name into a valid Kubernetes name. Every object name the renderer
 * (and later the factory controller) writes goes through here, so a long platform name or a team
 * called "Data_Science" never reaches the apiserver as an invalid name.
 *
 * A shortened name ends in a hash of the whole input, so two long names that share a prefix stay
 * distinct; a name that is already valid comes back unchanged.
 */
export const maxLabelLength = 63;
export const maxSubdomainLength = 253;

const labelRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isDnsLabel(s: string): boolean {
  return s.length <= maxLabelLength && labelRe.test(s);
}

export function isDnsSubdomain(s: string): boolean {
  return s.length <= maxSubdomainLength && s.split(".").every((part) => labelRe.test(part));
}

function shortHash(s: string): string {
  return createHash("sha256").update(s, "utf8").digest("hex").slice(0, 8);
}

function clean(s: string, allowDots: boolean): string {
  const lowered = s.toLowerCase().replace(allowDots ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g, "-");
  const parts = (allowDots ? lowered.split(".") : [lowered]).map((p) =>
    p.replace(/-+/g, "-").replace(/^-+|-+$/g, ""),
  );
  return parts.filter((p) => p.length > 0).join(".");
}

function shorten(cleaned: string, original: string, max: number): string {
  if (cleaned.length <= max) return cleaned;
  const hash = shortHash(original);
  const head = cleaned.slice(0, max - hash.length - 1).replace(/[-.]+$/g, "");
  return head ? `${head}-${hash}` : hash;
}

/** A DNS-1123 label (namespaces, most object names): ≤ 63, [a-z0-9-], alphanumeric at both ends. */
export function dnsLabel(name: string): string {
  if (isDnsLabel(name)) return name;
  const cleaned = clean(name, false);
  if (!cleaned) return `x-${shortHash(name)}`;
  return shorten(cleaned, name, maxLabelLength);
}

/** A DNS-1123 subdomain (ClusterRoles may have dots) capped at 63 so it also fits label-like uses. */
export function dnsName(name: string, max: number = maxLabelLength): string {
  if (name.length <= max && isDnsSubdomain(name)) return name;
  const cleaned = clean(name, true);
  if (!cleaned) return `x-${shortHash(name)}`;
  return shorten(cleaned, name, Math.min(max, maxSubdomainLength));
}
