import { classifyPackage, entrypointNeeds, interpreterFamily, type ToolKind } from "../knowledge/tools.js";
import { profileBase, type BaseProfile } from "../knowledge/base-images.js";
import { isAllowedRegistry, shortName } from "../knowledge/image-ref.js";
import { finalChain, substitute, type DockerfileModel, type Stage, type Step } from "./dockerfile-model.js";
import { packageCommand, simpleCommands, type PackageCommand } from "./shell-commands.js";

/** A rule hit before severities and suppressions are applied. */
export interface RawFinding {
  readonly ruleId: string;
  readonly line: number;
  readonly message: string;
}

export interface LintOptions {
  /** Registry prefixes a base may come from; empty or absent means "no restriction". */
  readonly allowedRegistries?: readonly string[] | undefined;
}

export const ociRebuildLabels = [
  "org.opencontainers.image.source",
  "org.opencontainers.image.revision",
  "org.opencontainers.image.base.name",
  "org.opencontainers.image.base.digest",
] as const;

/** Runs every Dockerfile rule over a parsed file; pure. */
export function lintModel(model: DockerfileModel, options: LintOptions = {}): RawFinding[] {
  const out: RawFinding[] = [];
  for (const s of model.syntax) out.push({ ruleId: "dockerfile-syntax", line: s.line, message: s.message });
  if (model.stages.length === 0) return out;
  for (const stage of model.stages) baseRules(stage, options, out);
  // ONBUILD triggers run in every child build: they get the same per-instruction checks.
  for (const stage of model.stages) for (const step of stage.steps) stepRules(step.trigger ?? step, out);
  finalImageRules(model, out);
  return out;
}

function baseRules(stage: Stage, options: LintOptions, out: RawFinding[]): void {
  const ref = stage.ref;
  if (!ref || stage.parent !== undefined) return;
  const line = stage.from.line;
  const profile = profileBase(ref);
  if (profile.kind === "scratch") return;
  if (ref.digest === undefined && (ref.tag === undefined || ref.tag === "latest")) {
    out.push({
      ruleId: "base-latest",
      line,
      message: `base image "${ref.raw}" ${ref.tag === undefined ? "has no tag (means latest)" : "uses the latest tag"}`,
    });
  }
  if (ref.digest === undefined)
    out.push({ ruleId: "base-not-pinned", line, message: `base image "${ref.raw}" is not pinned by digest` });
  const allowed = options.allowedRegistries ?? [];
  if (allowed.length > 0 && !isAllowedRegistry(ref, allowed)) {
    out.push({
      ruleId: "base-registry",
      line,
      message: `base image "${ref.raw}" is not from an allowed registry (${[...allowed].sort().join(", ")})`,
    });
  }
}

const secretName =
  /(^|_)(PASSWORD|PASSWD|PASS|PWD|TOKEN|SECRET|SECRETS|KEY|APIKEY|API_KEY|PRIVATE_KEY|CREDENTIALS?|AUTH)($|_)/i;
const notSecret = /(GPG|PGP|PUBLIC|_FILE$|_PATH$|_DIR$|_URL$|_ID$|KEYRING|KEYSERVER|_NAME$|_VERSION$)/i;

export function looksSecret(name: string): boolean {
  return secretName.test(name) && !notSecret.test(name);
}

function stepRules(step: Step, out: RawFinding[]): void {
  const line = step.line;
  if (step.keyword === "ENV" || step.keyword === "ARG") {
    for (const p of step.properties) {
      if (looksSecret(p.name))
        out.push({
          ruleId: "secret-in-env",
          line,
          message: `${step.keyword} ${p.name} looks like a secret; it ships with the image`,
        });
    }
  }
  if (step.keyword === "RUN") {
    const script = step.exec ? step.exec.join(" ") : step.text;
    if (pipesDownloadIntoShell(script))
      out.push({
        ruleId: "curl-pipe-shell",
        line,
        message: "downloads a script and runs it in a shell without verifying it",
      });
  }
  if (step.keyword === "ADD") {
    const sources = addSources(step);
    const checksum = step.flags.some((f) => f.name === "checksum");
    for (const src of sources) {
      if (/^(https?|git):\/\/|^git@|\.git(#.*)?$/.test(src)) {
        if (!checksum)
          out.push({
            ruleId: "add-instead-of-copy",
            line,
            message: `ADD downloads ${src} without a checksum`,
          });
      } else if (!/\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/.test(src)) {
        out.push({
          ruleId: "add-instead-of-copy",
          line,
          message: `ADD of a local file (${src}) where COPY fits`,
        });
      }
    }
  }
}

function addSources(step: Step): string[] {
  const words = step.exec ?? step.text.split(/\s+/).filter((w) => w !== "");
  return words.slice(0, -1);
}

/** `curl … | sh`, `wget -O- … | bash`, `sh -c "$(curl …)"`, `bash <(curl …)`. */
export function pipesDownloadIntoShell(script: string): boolean {
  const flat = script.replace(/\\\n/g, " ");
  if (/\b(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+(-\S+\s+)*)?(\/(usr\/)?bin\/)?(ba|z|da|k|a)?sh\b/.test(flat))
    return true;
  if (/\b(ba|z|da|k|a)?sh\s+(-c\s+)?["']?\$\(\s*(curl|wget)\b/.test(flat)) return true;
  if (/\b(ba|z|da|k)?sh\s+<\(\s*(curl|wget)\b/.test(flat)) return true;
  return false;
}

interface Installed {
  readonly name: string;
  readonly kind: ToolKind;
  readonly line: number;
}

function finalImageRules(model: DockerfileModel, out: RawFinding[]): void {
  const chain = finalChain(model);
  const root = chain[0];
  const last = chain[chain.length - 1];
  if (!root || !last) return;
  const base: BaseProfile | undefined = root.ref ? profileBase(root.ref) : undefined;
  const baseLine = root.from.line;
  const finalLine = last.from.line;
  const baseName = root.ref
    ? shortName(root.ref) + (root.ref.tag ? `:${root.ref.tag}` : "")
    : (root.image ?? "?");
  const steps = chain.flatMap((s) => s.steps);
  const windows = base?.kind === "windows";

  // What RUN instructions of the final image install and remove.
  const installed = new Map<string, Installed>();
  const removed = new Set<string>();
  let firstInstall: { line: number; manager: string } | undefined;
  for (const step of steps) {
    if (step.keyword !== "RUN") continue;
    const cmds = runCommands(step);
    const pkgCmds = cmds.map(packageCommand).filter((c): c is PackageCommand => c !== undefined);
    const thisRun: string[] = [];
    const virtual = new Map<string, readonly string[]>();
    // The Debian idiom "apt-mark auto '.*'; apt-mark manual $saved; apt-get purge --auto-remove"
    // removes everything this RUN installed beyond what was kept.
    const markedAuto = cmds.some((c) => c[0] === "apt-mark" && c[1] === "auto");
    for (const pc of pkgCmds) {
      if (pc.action === "install") {
        firstInstall ??= { line: step.line, manager: pc.manager };
        const group = virtualGroup(pc);
        if (group) virtual.set(group, pc.packages);
        for (const name of pc.packages) {
          thisRun.push(name);
          const kind = classifyPackage(name);
          if (kind) {
            installed.set(name, { name, kind, line: step.line });
            removed.delete(name);
          }
        }
      } else if (pc.action === "remove") {
        for (const name of pc.packages) {
          removed.add(name);
          for (const member of virtual.get(name) ?? []) removed.add(member);
        }
        if (
          markedAuto &&
          pc.packages.length === 0 &&
          pc.flags.some((f) => f === "--auto-remove" || f === "--autoremove")
        ) {
          for (const name of thisRun) removed.add(name);
        }
      }
    }
    const cache = missingCacheCleanup(step, cmds, pkgCmds);
    if (cache) out.push({ ruleId: "package-cache", line: step.line, message: cache });
  }
  const present = [...installed.values()].filter((i) => !removed.has(i.name));
  const byKind = (k: ToolKind) => present.filter((i) => i.kind === k);

  // Entrypoint and command of the final image.
  const lastOf = (kw: string) => [...steps].reverse().find((s) => s.keyword === kw);
  const entry = lastOf("ENTRYPOINT");
  const cmd = lastOf("CMD");
  for (const s of [entry, cmd]) {
    if (s && !s.exec && !windows && s.text.trim() !== "") {
      out.push({
        ruleId: "shell-form-cmd",
        line: s.line,
        message: `${s.keyword} in shell form runs under /bin/sh -c and does not forward signals`,
      });
    }
  }
  const argv = entry
    ? (entry.exec ?? ["/bin/sh", "-c", entry.text])
    : cmd
      ? (cmd.exec ?? ["/bin/sh", "-c", cmd.text])
      : undefined;
  const needs = argv ? entrypointNeeds(argv) : undefined;

  if (!windows) {
    // Package manager.
    if (base && base.packageManagers.length > 0) {
      out.push({
        ruleId: "package-manager",
        line: baseLine,
        message: `final image keeps the package manager of ${baseName} (${base.packageManagers.join(", ")})`,
      });
    } else if (firstInstall && base?.kind !== "distroless" && base?.kind !== "scratch") {
      out.push({
        ruleId: "package-manager",
        line: firstInstall.line,
        message: `final image installs packages with ${firstInstall.manager}, so it keeps a package manager`,
      });
    }
    // Network tools.
    const net = byKind("network-tool");
    for (const line of uniqueLines(net)) {
      const names = net.filter((i) => i.line === line).map((i) => i.name);
      out.push({ ruleId: "network-tool", line, message: `installs ${names.join(", ")} in the final image` });
    }
    if (net.length === 0 && base && base.networkTools.length > 0) {
      out.push({
        ruleId: "network-tool",
        line: baseLine,
        message: `final image inherits ${base.networkTools.join(", ")} from ${baseName}`,
      });
    }
    // Build tools.
    const build = byKind("build-tool");
    for (const line of uniqueLines(build)) {
      const names = build.filter((i) => i.line === line).map((i) => i.name);
      out.push({
        ruleId: "build-tool",
        line,
        message: `installs build tools (${names.join(", ")}) in the final image`,
      });
    }
    if (base?.toolchain)
      out.push({
        ruleId: "build-tool",
        line: baseLine,
        message: `final image is built on the toolchain image ${baseName}`,
      });
    // Shell and interpreters: only judged when the entrypoint is known.
    if (needs) {
      const shells = byKind("shell").map((i) => i.name);
      if ((base?.shell || shells.length > 0) && !needs.shell) {
        const from = base?.shell ? baseName : shells.join(", ");
        out.push({
          ruleId: "shell",
          line: finalLine,
          message: `final image keeps a shell (from ${from}) that its entrypoint ${JSON.stringify(argv?.[0] ?? "")} does not need`,
        });
      }
      const interp = byKind("interpreter").filter((i) => interpreterFamily(i.name) !== needs.interpreter);
      for (const line of uniqueLines(interp)) {
        const names = interp.filter((i) => i.line === line).map((i) => i.name);
        out.push({
          ruleId: "interpreter",
          line,
          message: `installs ${names.join(", ")} but the entrypoint does not use ${names.length > 1 ? "them" : "it"}`,
        });
      }
    }
    // User.
    const user = lastOf("USER");
    if (!user) {
      if (!base?.nonRoot)
        out.push({
          ruleId: "user-root",
          line: finalLine,
          message: "no USER in the final stage: the container runs as root",
        });
    } else {
      // `USER $APP_UID` is judged by the ENV/ARG value it has at that line, when one is known.
      const u = substitute(user.text.trim(), variablesBefore(steps, user)) ?? user.text.trim();
      const name = u.split(":")[0] ?? "";
      if (name === "root" || name === "0") {
        out.push({ ruleId: "user-root", line: user.line, message: `USER ${u} runs the container as root` });
      } else if (!/^\d+$/.test(name) && !name.includes("$")) {
        out.push({
          ruleId: "user-not-numeric",
          line: user.line,
          message: `USER ${u} is a name; runAsNonRoot needs a numeric UID`,
        });
      }
    }
  }

  // Base image choices for the final image.
  if (base?.distro === "alpine") {
    out.push({
      ruleId: "base-alpine",
      line: baseLine,
      message: `final image is based on Alpine (${baseName}): musl libc and busybox`,
    });
  }
  if (base?.slimmer) {
    out.push({
      ruleId: "base-full-distro",
      line: baseLine,
      message: `${baseName} is a full image; use ${base.slimmer}`,
    });
  }
  // Single-stage build of a compiled language.
  if (model.stages.length === 1 && root.ref) {
    const compiles = steps.some((s) => s.keyword === "RUN" && runCommands(s).some(isCompileCommand));
    // A toolchain base that receives the whole source tree builds there, even without a visible compile step.
    const copiesSources = steps.some(
      (s) =>
        (s.keyword === "COPY" || s.keyword === "ADD") &&
        /^\.\/?$/.test((s.exec ?? s.text.split(/\s+/))[0] ?? ""),
    );
    const toolchainLeft = base?.toolchain === true || byKind("build-tool").length > 0;
    if ((compiles && toolchainLeft) || (base?.toolchain === true && copiesSources)) {
      out.push({
        ruleId: "single-stage-compiled",
        line: baseLine,
        message: "compiles in a single stage: the toolchain ships with the result",
      });
    }
  }
  // Labels for rebuild bots.
  const labels = new Set(
    steps.filter((s) => s.keyword === "LABEL").flatMap((s) => s.properties.map((p) => p.name)),
  );
  const missing = ociRebuildLabels.filter((l) => !labels.has(l));
  if (missing.length > 0) {
    out.push({ ruleId: "oci-labels", line: finalLine, message: `final stage lacks ${missing.join(", ")}` });
  }
}

/** `apk add --virtual .build-deps …` names a group that `apk del .build-deps` removes again. */
function virtualGroup(pc: PackageCommand): string | undefined {
  if (pc.manager !== "apk") return undefined;
  const flag = pc.flags.find((f) => f.startsWith("--virtual=") || f.startsWith("-t="));
  return flag?.slice(flag.indexOf("=") + 1);
}

/** ENV and ARG values set in the final image's stages before `step`. */
function variablesBefore(steps: readonly Step[], step: Step): Map<string, string | null> {
  const vars = new Map<string, string | null>();
  for (const s of steps) {
    if (s === step) break;
    if (s.keyword === "ENV" || s.keyword === "ARG")
      for (const p of s.properties) if (p.value !== null || !vars.has(p.name)) vars.set(p.name, p.value);
  }
  return vars;
}

function uniqueLines(items: readonly Installed[]): number[] {
  return [...new Set(items.map((i) => i.line))].sort((a, b) => a - b);
}

function runCommands(step: Step): string[][] {
  if (step.exec) {
    const [prog, flag, script] = step.exec;
    if (prog && /(^|\/)(ba)?sh$/.test(prog) && flag === "-c" && script !== undefined)
      return simpleCommands(script);
    return [step.exec.slice()];
  }
  return simpleCommands(step.text);
}

function isCompileCommand(argv: readonly string[]): boolean {
  const [p, a] = argv;
  if (p === undefined) return false;
  if (p === "go" && (a === "build" || a === "install")) return true;
  if (p === "cargo" && (a === "build" || a === "install")) return true;
  if (
    (p === "mvn" || p === "./mvnw" || p === "gradle" || p === "./gradlew") &&
    argv.some((w) => /^(package|install|build|assemble|bootJar|jar)$/.test(w))
  )
    return true;
  if (p === "dotnet" && (a === "publish" || a === "build")) return true;
  if (["gcc", "g++", "cc", "clang", "javac", "rustc"].includes(p)) return true;
  if (p === "make") return true;
  return false;
}

/** Why a RUN that installs packages leaves their cache behind, or undefined when it cleans up. */
function missingCacheCleanup(
  step: Step,
  cmds: readonly string[][],
  pkgCmds: readonly PackageCommand[],
): string | undefined {
  const text = cmds.map((c) => c.join(" ")).join("\n");
  const cacheMount = (dir: RegExp) =>
    step.flags.some((f) => f.name === "mount" && /type=cache/.test(f.value ?? "") && dir.test(f.value ?? ""));
  for (const pc of pkgCmds) {
    if (pc.action !== "install") continue;
    switch (pc.manager) {
      case "apt-get":
      case "apt":
      case "aptitude":
        if (
          !/rm -r?f?r?f? .*\/var\/lib\/apt\/lists/.test(text) &&
          !/\bapt(-get)? dist-clean\b/.test(text) &&
          !/rm -[a-zA-Z]* \/var\/lib\/apt\/lists/.test(text) &&
          !cacheMount(/\/var\/(lib|cache)\/apt/)
        )
          return `${pc.manager} install without removing /var/lib/apt/lists in the same RUN`;
        break;
      case "apk":
        if (
          !pc.flags.includes("--no-cache") &&
          !/\/var\/cache\/apk/.test(text) &&
          !cacheMount(/\/var\/cache\/apk/)
        )
          return "apk add without --no-cache";
        break;
      case "yum":
      case "dnf":
      case "microdnf":
        if (
          !/\b(yum|dnf|microdnf) clean all\b/.test(text) &&
          !/\/var\/cache\/(yum|dnf)/.test(text) &&
          !cacheMount(/\/var\/cache\/(yum|dnf)/)
        )
          return `${pc.manager} install without "${pc.manager} clean all"`;
        break;
      case "zypper":
        if (!/\bzypper (clean|cc)\b/.test(text)) return "zypper install without zypper clean";
        break;
      case "pip":
        if (!pc.flags.includes("--no-cache-dir") && !cacheMount(/\.cache\/pip/))
          return "pip install without --no-cache-dir";
        break;
      default:
        break;
    }
  }
  return undefined;
}
