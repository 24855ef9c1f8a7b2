import {
  binDirectories,
  classifyBinary,
  entrypointNeeds,
  interpreterFamily,
  packageDatabases,
  type ToolKind,
} from "../knowledge/tools.js";
import { looksSecret, ociRebuildLabels, type RawFinding } from "../lint/dockerfile-rules.js";
import type { LayeredFs } from "./layered-fs.js";
import type { ImageConfigFile } from "./image-source.js";

/** What the final filesystem and config hold; printed as the image summary and used by the rules. */
export interface ImageInventory {
  readonly user: string;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly tools: Readonly<Record<ToolKind, readonly string[]>>;
  readonly packageDatabases: readonly string[];
  readonly setuid: readonly string[];
  readonly worldWritableDirs: readonly string[];
  readonly symlinkLoops: readonly string[];
  readonly paths: number;
}

const emptyTools = (): Record<ToolKind, string[]> => ({
  shell: [],
  "package-manager": [],
  "network-tool": [],
  "build-tool": [],
  interpreter: [],
});

/** Walks the applied filesystem once; pure over the in-memory metadata. */
export function takeInventory(fs: LayeredFs, config: ImageConfigFile): ImageInventory {
  const tools = emptyTools();
  const seenDirs = new Set<string>();
  for (const dir of binDirectories) {
    const real = fs.resolve(dir);
    if (!("path" in real) || seenDirs.has(real.path)) continue;
    seenDirs.add(real.path);
    for (const [name, meta] of fs.list(real.path)) {
      const runnable =
        meta.type === "symlink" ||
        meta.type === "hardlink" ||
        (meta.type === "file" && (meta.mode & 0o111) !== 0);
      if (!runnable) continue;
      const kind = classifyBinary(name);
      if (kind) tools[kind].push(`${real.path}/${name}`);
    }
  }
  const setuid: string[] = [];
  const worldWritable: string[] = [];
  const loops: string[] = [];
  for (const [path, meta] of fs.walk()) {
    if ((meta.type === "file" || meta.type === "hardlink") && (meta.mode & 0o6000) !== 0) setuid.push(path);
    if (meta.type === "dir" && (meta.mode & 0o002) !== 0 && (meta.mode & 0o1000) === 0)
      worldWritable.push(path);
    if (meta.type === "symlink") {
      const r = fs.resolve(path);
      if ("error" in r && r.error === "loop") loops.push(path);
    }
  }
  const dbs = packageDatabases.filter((d) => fs.lstat(d.path) !== undefined).map((d) => `/${d.path}`);
  for (const k of Object.keys(tools) as ToolKind[]) tools[k].sort();
  return {
    user: config.user,
    entrypoint: config.entrypoint,
    cmd: config.cmd,
    tools,
    packageDatabases: dbs,
    setuid,
    worldWritableDirs: worldWritable,
    symlinkLoops: loops,
    paths: fs.pathCount,
  };
}

/** The image rules; ids shared with `image lint` where they mean the same thing. */
export function inspectRules(
  inv: ImageInventory,
  config: ImageConfigFile,
  passwd: ReadonlyMap<string, number>,
): RawFinding[] {
  const out: RawFinding[] = [];
  const add = (ruleId: string, message: string) => out.push({ ruleId, line: 0, message });
  const argv = [...inv.entrypoint, ...inv.cmd];
  const needs = entrypointNeeds(argv);
  const unused = (verb: string) =>
    argv.length > 0
      ? `that the entrypoint ${JSON.stringify(argv[0])} does not ${verb}`
      : "although the image declares no entrypoint or command";
  const names = (paths: readonly string[]) => paths.join(", ");

  const pm = inv.tools["package-manager"];
  if (pm.length > 0)
    add(
      "package-manager",
      `package managers present: ${names(pm)}${inv.packageDatabases.length > 0 ? ` (databases: ${names(inv.packageDatabases)})` : ""}`,
    );
  const net = inv.tools["network-tool"];
  if (net.length > 0) add("network-tool", `download/network tools present: ${names(net)}`);
  const build = inv.tools["build-tool"];
  if (build.length > 0) add("build-tool", `build tools present: ${names(build)}`);
  const shells = inv.tools.shell;
  if (shells.length > 0 && !needs.shell) add("shell", `shells present ${unused("need")}: ${names(shells)}`);
  const interp = inv.tools.interpreter.filter(
    (p) => interpreterFamily(p.split("/").pop() ?? p) !== needs.interpreter,
  );
  if (interp.length > 0) add("interpreter", `interpreters present ${unused("use")}: ${names(interp)}`);
  for (const p of inv.setuid) add("setuid", `setuid/setgid file ${p}`);
  for (const p of inv.worldWritableDirs)
    add("world-writable", `world-writable directory without the sticky bit: ${p}`);
  for (const p of inv.symlinkLoops) add("symlink-loop", `symbolic link loop at ${p}`);

  const user = config.user.trim();
  const name = user.split(":")[0] ?? "";
  if (name === "" || name === "root" || name === "0") {
    add(
      "user-root",
      user === "" ? "config sets no User: the container runs as root" : `config User ${user} is root`,
    );
  } else if (!/^\d+$/.test(name)) {
    const uid = passwd.get(name);
    if (uid === 0) add("user-root", `config User ${user} is root (UID 0 in /etc/passwd)`);
    else
      add(
        "user-not-numeric",
        `config User ${user} is a name${uid !== undefined ? ` (UID ${uid} in /etc/passwd)` : " not found in /etc/passwd"}; runAsNonRoot needs a numeric UID`,
      );
  }
  const shellForm = (a: readonly string[]) =>
    a.length >= 2 && /^\/bin\/(ba)?sh$/.test(a[0] ?? "") && a[1] === "-c";
  if (shellForm(config.entrypoint) || (config.entrypoint.length === 0 && shellForm(config.cmd))) {
    add(
      "shell-form-cmd",
      `${config.entrypoint.length > 0 ? "Entrypoint" : "Cmd"} runs under ${config.entrypoint[0] ?? config.cmd[0] ?? "/bin/sh"} -c and does not forward signals`,
    );
  }
  for (const e of config.env) {
    const key = e.split("=")[0] ?? "";
    if (looksSecret(key)) add("secret-in-env", `config Env ${key} looks like a secret`);
  }
  const missing = ociRebuildLabels.filter((l) => config.labels[l] === undefined);
  if (missing.length > 0) add("oci-labels", `config lacks labels ${missing.join(", ")}`);
  return out;
}

/** name → UID from /etc/passwd text. */
export function parsePasswd(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    const [name, , uid] = line.split(":");
    if (name && uid && /^\d+$/.test(uid)) out.set(name, Number(uid));
  }
  return out;
}
