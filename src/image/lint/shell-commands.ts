/**
 * Just enough shell reading for the rules: split a RUN script into simple commands and words.
 * It does not execute or expand anything; quotes are honoured so `echo "a && b"` is one command.
 */

/** Splits on `&&`, `||`, `;`, `|`, `&` and newlines outside quotes, then into words. */
export function simpleCommands(script: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: '"' | "'" | undefined;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i] ?? "";
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < script.length) word += script[++i] ?? "";
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
      continue;
    }
    if (c === "\\" && i + 1 < script.length) {
      const next = script[++i] ?? "";
      if (next !== "\n") {
        word += next;
        inWord = true;
      }
      continue;
    }
    if (c === "#" && !inWord) {
      while (i + 1 < script.length && script[i + 1] !== "\n") i++;
      continue;
    }
    if (c === "\n" || c === ";" || c === "|" || c === "&") {
      endCommand();
      continue;
    }
    if (c === "(" || c === ")" || c === "`") {
      endCommand();
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      endWord();
      continue;
    }
    word += c;
    inWord = true;
  }
  endCommand();
  return commands.map(stripPrefixes).filter((c) => c.length > 0);
}

/** Drops `sudo`, `env A=b`, leading `A=b` assignments and shell keywords so argv[0] is the program. */
function stripPrefixes(words: string[]): string[] {
  let i = 0;
  for (;;) {
    const w = words[i];
    if (w === undefined) break;
    if (["sudo", "then", "do", "else", "if", "!", "exec", "time", "nohup", "{", "}"].includes(w)) i++;
    else if (w === "env" || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) i++;
    else break;
  }
  return words.slice(i);
}

export type PackageAction = "install" | "remove" | "clean";

export interface PackageCommand {
  readonly manager: string;
  readonly action: PackageAction;
  readonly packages: readonly string[];
  readonly flags: readonly string[];
}

const subcommands: Record<string, Record<string, PackageAction>> = {
  "apt-get": { install: "install", remove: "remove", purge: "remove", autoremove: "remove", clean: "clean" },
  apt: { install: "install", remove: "remove", purge: "remove", autoremove: "remove", clean: "clean" },
  aptitude: { install: "install", remove: "remove", purge: "remove" },
  apk: { add: "install", del: "remove", "cache clean": "clean" },
  yum: { install: "install", remove: "remove", erase: "remove", clean: "clean" },
  dnf: { install: "install", remove: "remove", erase: "remove", clean: "clean" },
  microdnf: { install: "install", remove: "remove", clean: "clean" },
  zypper: { install: "install", in: "install", remove: "remove", rm: "remove", clean: "clean", cc: "clean" },
  pip: { install: "install", uninstall: "remove" },
  npm: { install: "install", i: "install", ci: "install", uninstall: "remove", "cache clean": "clean" },
  gem: { install: "install", uninstall: "remove" },
  dpkg: { "-i": "install", "--install": "install", "-r": "remove", "-P": "remove", "--purge": "remove" },
};

/** Options whose next word is a value, not a package. */
const optionsWithValue = new Set([
  "-o",
  "-c",
  "-t",
  "--target-release",
  "-r",
  "--requirement",
  "-e",
  "--repository",
  "-X",
  "--index-url",
  "-i",
  "--extra-index-url",
  "--virtual",
  "-t",
  "--setopt",
  "--prefix",
  "--root",
]);

export function packageCommand(argv: readonly string[]): PackageCommand | undefined {
  const prog = argv[0];
  if (prog === undefined) return undefined;
  let manager = prog.split("/").pop() ?? prog;
  if (/^pip[23]?(\.\d+)?$/.test(manager)) manager = "pip";
  // `python -m pip install …`
  if (/^python[23]?(\.\d+)?$/.test(manager) && argv[1] === "-m" && argv[2]?.startsWith("pip")) {
    return packageCommand(["pip", ...argv.slice(3)]);
  }
  const table = subcommands[manager];
  if (!table) return undefined;
  const rest = argv.slice(1);
  let action: PackageAction | undefined;
  let at = -1;
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i] ?? "";
    const two = `${w} ${rest[i + 1] ?? ""}`;
    if (table[two]) {
      action = table[two];
      at = i + 1;
      break;
    }
    if (table[w]) {
      action = table[w];
      at = i;
      break;
    }
    if (!w.startsWith("-") && manager !== "dpkg") break;
  }
  if (action === undefined) return undefined;
  const flags: string[] = rest.slice(0, at).filter((w) => w.startsWith("-"));
  const packages: string[] = [];
  for (let i = at + 1; i < rest.length; i++) {
    const w = rest[i] ?? "";
    if (w.startsWith("-")) {
      // Options with a separate value are kept as "--opt=value" so rules can read the value.
      if (optionsWithValue.has(w) && i + 1 < rest.length) flags.push(`${w}=${rest[++i] ?? ""}`);
      else flags.push(w);
      continue;
    }
    packages.push(packageBaseName(w));
  }
  return { manager, action, packages, flags };
}

/** `curl=7.88.1-10`, `curl>=7`, `express@4`, `openssl-dev~3` → the bare name. */
export function packageBaseName(word: string): string {
  const scoped = word.startsWith("@");
  const body = scoped ? word.slice(1) : word;
  const name = body.split(/[=<>~!@:[]/)[0] ?? body;
  return scoped ? `@${name}` : name;
}
