/**
 * What counts as a shell, package manager, network tool, compiler or interpreter — once for both
 * the Dockerfile rules (package names) and the image rules (file names in bin directories).
 */

export type ToolKind = "shell" | "package-manager" | "network-tool" | "build-tool" | "interpreter";

/** Executable names found in an image's PATH directories. */
const binaryPatterns: Record<ToolKind, RegExp> = {
  shell: /^(sh|bash|dash|ash|zsh|ksh|mksh|busybox|fish|csh|tcsh)$/,
  "package-manager":
    /^(apt|apt-get|dpkg|apk|rpm|yum|dnf|dnf-3|microdnf|zypper|pip|pip[23](\.\d+)?|npm|gem|conda|pacman)$/,
  "network-tool": /^(curl|wget|nc|ncat|netcat|socat|ssh|scp|sftp|telnet|ftp|tftp|rsync|nmap)$/,
  "build-tool":
    /^(gcc|g\+\+|cc|c\+\+|gcc-\d+|g\+\+-\d+|x86_64-linux-gnu-gcc(-\d+)?|aarch64-linux-gnu-gcc(-\d+)?|clang|clang\+\+|make|cmake|go|rustc|cargo|javac|mvn|gradle)$/,
  interpreter:
    /^(python[23]?(\.\d+)?|perl(5[.\d]*)?|ruby[.\d]*|node|nodejs|php[.\d]*|lua[.\d]*|java|tclsh[.\d]*|Rscript)$/,
};

export function classifyBinary(name: string): ToolKind | undefined {
  for (const kind of Object.keys(binaryPatterns) as ToolKind[]) {
    if (binaryPatterns[kind].test(name)) return kind;
  }
  return undefined;
}

/** Package names (any distro or language ecosystem) that install a tool of a kind. */
const packagePatterns: Partial<Record<ToolKind, RegExp>> = {
  "network-tool":
    /^(curl|wget|wget2|netcat|netcat-openbsd|netcat-traditional|ncat|nmap-ncat|nmap|socat|openssh|openssh-client|openssh-clients|openssh-server|telnet|inetutils-telnet|ftp|tftp|tftp-hpa|rsync)$/,
  "build-tool":
    /^(build-essential|build-base|gcc|gcc-c\+\+|g\+\+|gcc-\d+|g\+\+-\d+|clang|llvm|make|cmake|autoconf|automake|libtool|golang|golang-go|go|maven|gradle|default-jdk|default-jdk-headless|openjdk-\d+-jdk(-headless)?|java-\d+-openjdk-devel|rustc|cargo|musl-dev|libc6-dev|libc-dev)$/,
  interpreter:
    /^(python3?|python3\.\d+|python3-minimal|perl|ruby|ruby-full|nodejs|php|php\d[.\d]*|lua\d[.\d]*)$/,
  shell: /^(bash|zsh|ksh|fish|tcsh|busybox)$/,
};

export function classifyPackage(name: string): ToolKind | undefined {
  for (const kind of Object.keys(packagePatterns) as ToolKind[]) {
    if (packagePatterns[kind]?.test(name)) return kind;
  }
  return undefined;
}

/** Package databases: their presence tells which manager installed the filesystem. */
export const packageDatabases: readonly { readonly path: string; readonly manager: string }[] = [
  { path: "var/lib/dpkg/status", manager: "dpkg" },
  { path: "lib/apk/db/installed", manager: "apk" },
  { path: "var/lib/rpm/Packages", manager: "rpm" },
  { path: "var/lib/rpm/rpmdb.sqlite", manager: "rpm" },
  { path: "var/lib/rpm/Packages.db", manager: "rpm" },
  { path: "usr/lib/sysimage/rpm/rpmdb.sqlite", manager: "rpm" },
  { path: "usr/lib/sysimage/rpm/Packages.db", manager: "rpm" },
];

/** Directories searched for executables, as a default PATH would. */
export const binDirectories: readonly string[] = [
  "bin",
  "sbin",
  "usr/bin",
  "usr/sbin",
  "usr/local/bin",
  "usr/local/sbin",
  "usr/local/go/bin",
];

/** The program a command line starts, without directories. */
export function programName(argv0: string): string {
  const parts = argv0.split("/");
  return parts[parts.length - 1] ?? argv0;
}

/** Whether an entrypoint (argv) needs a shell, or which interpreter it runs. */
export function entrypointNeeds(argv: readonly string[]): {
  shell: boolean;
  interpreter: string | undefined;
} {
  const first = argv[0];
  if (first === undefined) return { shell: false, interpreter: undefined };
  const prog = programName(first);
  const kind = classifyBinary(prog);
  // A script named *.sh, or tini/dumb-init wrapping one, still needs the shell.
  const scriptArg = argv.find((a) => /\.(sh|bash)$/.test(a));
  const shell = kind === "shell" || scriptArg !== undefined;
  const interpreter = kind === "interpreter" ? prog.replace(/[\d.]+$/, "") : scriptInterpreter(argv);
  return { shell, interpreter };
}

function scriptInterpreter(argv: readonly string[]): string | undefined {
  for (const a of argv) {
    if (/\.py$/.test(a)) return "python";
    if (/\.(js|mjs|cjs)$/.test(a)) return "node";
    if (/\.rb$/.test(a)) return "ruby";
    if (/\.pl$/.test(a)) return "perl";
    if (/\.php$/.test(a)) return "php";
    if (/\.jar$/.test(a)) return "java";
  }
  return undefined;
}

/** Normalises an interpreter executable or package name to a family ("python3.12" → "python"). */
export function interpreterFamily(name: string): string {
  const base = name.replace(/-(minimal|full)$/, "");
  if (/^python/.test(base)) return "python";
  if (/^perl/.test(base)) return "perl";
  if (/^ruby/.test(base)) return "ruby";
  if (/^node/.test(base)) return "node";
  if (/^php/.test(base)) return "php";
  if (/^lua/.test(base)) return "lua";
  if (/^java/.test(base)) return "java";
  return base;
}
