import { shortName, type ImageRef } from "./image-ref.js";

/** What a base image is known to contain; unknown images get no assumptions. */
export interface BaseProfile {
  readonly kind: "scratch" | "distroless" | "distro" | "windows" | "unknown";
  /** Distribution underneath: debian, ubuntu, alpine, rhel, suse, … */
  readonly distro: string | undefined;
  readonly shell: boolean;
  readonly packageManagers: readonly string[];
  /** Download tools shipped by the base (busybox wget in Alpine, curl in buildpack-deps). */
  readonly networkTools: readonly string[];
  /** Interpreter families shipped by the base (python in python:*). */
  readonly interpreters: readonly string[];
  /** The base is a compiler toolchain (golang, rust, maven, a JDK …). */
  readonly toolchain: boolean;
  /** Slimmer variant to suggest, when the image is a full one. */
  readonly slimmer: string | undefined;
  /** The base runs as a non-root user unless told otherwise. */
  readonly nonRoot: boolean;
}

const unknown: BaseProfile = {
  kind: "unknown",
  distro: undefined,
  shell: false,
  packageManagers: [],
  networkTools: [],
  interpreters: [],
  toolchain: false,
  slimmer: undefined,
  nonRoot: false,
};

const managersOf: Record<string, readonly string[]> = {
  debian: ["apt-get", "dpkg"],
  ubuntu: ["apt-get", "dpkg"],
  alpine: ["apk"],
  rhel: ["dnf", "rpm"],
  "rhel-minimal": ["microdnf", "rpm"],
  suse: ["zypper", "rpm"],
};

/** Images built on Debian by their publishers (the default tags). */
const debianBased = new Set([
  "python",
  "node",
  "ruby",
  "php",
  "perl",
  "golang",
  "rust",
  "openjdk",
  "eclipse-temurin",
  "amazoncorretto",
  "maven",
  "gradle",
  "gcc",
  "buildpack-deps",
  "nginx",
  "httpd",
  "redis",
  "postgres",
  "mysql",
  "mariadb",
  "haproxy",
  "traefik",
  "elixir",
  "erlang",
]);

const toolchains = new Set([
  "golang",
  "rust",
  "maven",
  "gradle",
  "gcc",
  "buildpack-deps",
  "elixir",
  "erlang",
]);

const interpreterOf: Record<string, string> = {
  python: "python",
  node: "node",
  ruby: "ruby",
  php: "php",
  perl: "perl",
  openjdk: "java",
  "eclipse-temurin": "java",
  amazoncorretto: "java",
  maven: "java",
  gradle: "java",
};

/** Looks up what is known about a base image from its name and tag. */
export function profileBase(ref: ImageRef): BaseProfile {
  const name = shortName(ref);
  const repoLast = ref.repository.split("/").pop() ?? "";
  const tag = ref.tag ?? "latest";
  if (name === "scratch") return { ...unknown, kind: "scratch" };
  if (
    /mcr\.microsoft\.com\/windows|\/(servercore|nanoserver)$|windowsservercore|nanoserver/.test(name) ||
    /nanoserver|servercore|windowsservercore|ltsc20\d\d/.test(tag)
  ) {
    return { ...unknown, kind: "windows", distro: "windows" };
  }
  if (name.startsWith("gcr.io/distroless/")) {
    const debug = tag.includes("debug");
    return {
      ...unknown,
      kind: "distroless",
      distro: "debian",
      shell: debug,
      networkTools: debug ? ["wget"] : [],
      interpreters: /python|java|nodejs/.test(repoLast)
        ? [repoLast.replace(/\d.*$/, "").replace("nodejs", "node")]
        : [],
      nonRoot: tag.includes("nonroot"),
    };
  }
  if (name.startsWith("cgr.dev/chainguard/")) {
    const dev = tag.includes("-dev");
    return {
      ...unknown,
      kind: dev ? "distro" : "distroless",
      distro: "wolfi",
      shell: dev,
      packageManagers: dev ? ["apk"] : [],
      nonRoot: true,
    };
  }
  if (
    /(^|\/)ubi\d*-micro$|^registry\.access\.redhat\.com\/ubi\d+\/ubi-micro$/.test(name) ||
    repoLast === "ubi-micro"
  ) {
    return { ...unknown, kind: "distroless", distro: "rhel", shell: true };
  }
  if (
    /(^|\/)ubi\d*(-minimal)?$|\/ubi\d+\/ubi(-minimal)?$/.test(name) ||
    /^ubi\d*(-minimal)?$/.test(repoLast)
  ) {
    const minimal = repoLast.includes("minimal");
    return {
      ...unknown,
      kind: "distro",
      distro: "rhel",
      shell: true,
      packageManagers: managersOf[minimal ? "rhel-minimal" : "rhel"] ?? [],
      slimmer: minimal
        ? undefined
        : `${name.replace(/ubi(\d*)$/, "ubi$1-minimal").replace(/\/ubi$/, "/ubi-minimal")}`,
    };
  }
  if (name === "busybox" || /(^|\/)busybox(-[a-z0-9]+)*$/.test(name)) {
    return { ...unknown, kind: "distroless", distro: "busybox", shell: true, networkTools: ["wget", "nc"] };
  }
  if (tag.includes("alpine") || name === "alpine") {
    return {
      ...unknown,
      kind: "distro",
      distro: "alpine",
      shell: true,
      packageManagers: managersOf.alpine ?? [],
      networkTools: ["wget", "nc"],
      interpreters: interpreterOf[name] ? [interpreterOf[name]] : [],
      toolchain: toolchains.has(name),
    };
  }
  if (name === "debian" || name === "ubuntu") {
    const slim = tag.includes("slim");
    return {
      ...unknown,
      kind: "distro",
      distro: name,
      shell: true,
      packageManagers: managersOf[name] ?? [],
      slimmer: name === "debian" && !slim ? `debian:${slimTag(tag)}` : undefined,
    };
  }
  if (["fedora", "centos", "rockylinux", "almalinux", "amazonlinux", "oraclelinux"].includes(name)) {
    return {
      ...unknown,
      kind: "distro",
      distro: "rhel",
      shell: true,
      packageManagers: managersOf.rhel ?? [],
    };
  }
  if (name.startsWith("opensuse/") || name === "opensuse") {
    return {
      ...unknown,
      kind: "distro",
      distro: "suse",
      shell: true,
      packageManagers: managersOf.suse ?? [],
    };
  }
  if (debianBased.has(name)) {
    const interp = interpreterOf[name];
    const jdk = ["openjdk", "eclipse-temurin", "amazoncorretto"].includes(name) && !/jre/.test(tag);
    const slim = /slim|jre/.test(tag);
    const ubuntu = name === "eclipse-temurin" && !/ubi|alpine/.test(tag);
    return {
      ...unknown,
      kind: "distro",
      distro: ubuntu ? "ubuntu" : "debian",
      shell: true,
      packageManagers: [
        ...(managersOf.debian ?? []),
        ...(name === "python" ? ["pip"] : name === "node" ? ["npm"] : name === "ruby" ? ["gem"] : []),
      ],
      networkTools:
        !slim &&
        ["python", "node", "ruby", "golang", "rust", "buildpack-deps", "gcc", "php", "perl"].includes(name)
          ? ["curl", "wget"]
          : [],
      interpreters: interp ? [interp] : [],
      toolchain: toolchains.has(name) || jdk,
      slimmer: slimmerFor(name, tag, jdk),
    };
  }
  return unknown;
}

function slimTag(tag: string, name = "debian"): string {
  if (tag === "latest") return name === "debian" ? "stable-slim" : "slim";
  return `${tag}-slim`;
}

function slimmerFor(name: string, tag: string, jdk: boolean): string | undefined {
  if (jdk)
    return `${name}:${tag === "latest" ? "21-jre" : tag.replace(/jdk/, "jre").replace(/^(\d+)$/, "$1-jre")}`;
  if (/slim|jre/.test(tag)) return undefined;
  if (["python", "node", "ruby", "php", "perl"].includes(name)) return `${name}:${slimTag(tag, name)}`;
  if (name === "buildpack-deps")
    return `debian:${slimTag(tag.replace(/-(curl|scm)$/, ""))} with only the runtime libraries`;
  if (["golang", "rust", "gcc", "maven", "gradle"].includes(name))
    return "gcr.io/distroless/static-debian12 (copy the built binary)";
  if (name === "nginx") return "nginxinc/nginx-unprivileged or a distroless image with a static web server";
  return undefined;
}
