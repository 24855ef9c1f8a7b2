/** A container image reference split into its parts, the way `docker pull` reads it. */
export interface ImageRef {
  /** Registry host, defaulted to "docker.io" for Docker Hub short names. */
  readonly registry: string;
  /** Repository path without registry, e.g. "library/python" or "distroless/static-debian12". */
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
  /** The reference as written. */
  readonly raw: string;
}

export const dockerHub = "docker.io";

/** Splits `[registry/]path[:tag][@digest]`; returns undefined for text that is no reference. */
export function parseImageRef(raw: string): ImageRef | undefined {
  const text = raw.trim();
  if (text === "" || /\s/.test(text) || text.includes("$")) return undefined;
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split("/");
  let registry = dockerHub;
  const first = parts[0] ?? "";
  // Docker's rule: the first component is a registry when it looks like a host.
  if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    registry = first;
    parts.shift();
  }
  if (registry === "index.docker.io" || registry === "registry-1.docker.io") registry = dockerHub;
  if (registry === dockerHub && parts.length === 1) parts.unshift("library");
  const repository = parts.join("/");
  if (repository === "" || parts.some((p) => p === "")) return undefined;
  if (tag === "") return undefined;
  return { registry, repository, tag, digest, raw: text };
}

/** `registry/repository`, the form allowed-registry prefixes are matched against. */
export function fullName(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}`;
}

/** The short name a human writes: "python" for docker.io/library/python. */
export function shortName(ref: ImageRef): string {
  if (ref.registry === dockerHub) return ref.repository.replace(/^library\//, "");
  return fullName(ref);
}

/**
 * Whether an image is under one of the allowed prefixes. A prefix matches at a path boundary
 * ("registry.example/team" allows "registry.example/team/app", not "registry.example/teamx").
 * Short Docker Hub names match "docker.io/…" prefixes. A prefix that matches the reference as written
 * (plain `startsWith`, the policy library's trusted-registries semantics) is accepted too, so one list
 * means the same in the Dockerfile and in the cluster.
 */
export function isAllowedRegistry(ref: ImageRef, allowed: readonly string[]): boolean {
  const name = fullName(ref);
  const alt = ref.registry === dockerHub ? shortName(ref) : name;
  return allowed.some((raw) => {
    if (raw !== "" && ref.raw.startsWith(raw) && (raw.endsWith("/") || raw.includes("/"))) return true;
    const p = raw.replace(/\/+$/, "");
    if (p === "") return false;
    return [name, alt].some((n) => n === p || n.startsWith(p + "/"));
  });
}
