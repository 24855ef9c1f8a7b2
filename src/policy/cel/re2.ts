/**
 * RE2 (Go regexp) syntax → JavaScript RegExp. Kubernetes evaluates `matches`, `find` and `findAll`
 * with RE2: no lookarounds or backreferences, flags as `(?i)` groups, `\z`, `\Q…\E`, POSIX classes,
 * ASCII-only `\s`, and `.` matching a whole code point. Anything RE2 rejects is rejected here too
 * (as an error the caller reports), so a pattern that would break in the cluster breaks offline.
 */

export class RegexSyntaxError extends Error {
  constructor(pattern: string, why: string) {
    super(`error parsing regexp: ${why}: \`${pattern}\``);
    this.name = "RegexSyntaxError";
  }
}

const POSIX: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

// Characters that JS's unicode mode lets (and sometimes requires) us to escape.
const JS_SYNTAX = new Set([..."^$\\.*+?()[]{}|/"]);
const GENERAL_CATEGORIES = new Set(
  "C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(
    " ",
  ),
);

const cache = new Map<string, RegExp>();
const globalCache = new Map<string, RegExp>();

/** Compiled, cached JS RegExp for an RE2 pattern; `global` for findAll. */
export function re2(pattern: string, global = false): RegExp {
  const c = global ? globalCache : cache;
  let re = c.get(pattern);
  if (re === undefined) {
    const { source, flags } = translate(pattern);
    re = new RegExp(source, flags + (global ? "gu" : "u"));
    if (c.size > 10_000) c.clear();
    c.set(pattern, re);
  }
  return re;
}

export function translate(pattern: string): { source: string; flags: string } {
  let out = "";
  let flags = "";
  let i = 0;
  // Per open group, how many scoped flag groups `(?i:` were opened inside it by a mid-pattern
  // `(?i)` and must close with it; index 0 is the top level.
  const pendingCloses: number[] = [0];
  const n = pattern.length;
  const fail = (why: string): never => {
    throw new RegexSyntaxError(pattern, why);
  };

  // Leading flag group `(?ims)` applies to the whole pattern: JS flags.
  const lead = /^\(\?([imsU]+)\)/.exec(pattern);
  if (lead !== null) {
    const f = lead[1] ?? "";
    if (f.includes("U")) fail("invalid or unsupported Perl syntax: `(?U`");
    flags = [...new Set(f)].join("");
    i = lead[0].length;
  }

  while (i < n) {
    const c = pattern[i] as string;
    if (c === "\\") {
      const [text, next] = escape(pattern, i, false, fail);
      out += text;
      i = next;
      continue;
    }
    if (c === "[") {
      const [text, next] = charClass(pattern, i, fail);
      out += text;
      i = next;
      continue;
    }
    if (c === "(") {
      pendingCloses.push(0);
      if (pattern[i + 1] === "?") {
        const rest = pattern.slice(i + 2);
        if (/^(=|!|<=|<!)/.test(rest))
          fail("invalid or unsupported Perl syntax: `(?" + rest.slice(0, 1) + "`");
        const named = /^P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
        if (named !== null) {
          out += `(?<${named[1] ?? ""}>`;
          i += 2 + named[0].length;
          continue;
        }
        const mod = /^([imsU]*)(?:-([imsU]*))?(:|\))/.exec(rest);
        if (mod === null) fail("invalid or unsupported Perl syntax: `(?`");
        const on = mod?.[1] ?? "";
        const off = mod?.[2] ?? "";
        if ((on + off).includes("U")) fail("invalid or unsupported Perl syntax: `(?U`");
        if (mod?.[3] === ")") {
          // A mid-pattern flag switch `a(?i)b`: JS has none; scope it to the rest of the group.
          pendingCloses.pop();
          out += `(?${on}${off ? "-" + off : ""}:`;
          pendingCloses[pendingCloses.length - 1] = (pendingCloses.at(-1) ?? 0) + 1;
          i += 2 + (mod?.[0].length ?? 0);
          continue;
        }
        out += on || off ? `(?${on}${off ? "-" + off : ""}:` : "(?:";
        i += 2 + (mod?.[0].length ?? 0);
        continue;
      }
      out += "(";
      i++;
      continue;
    }
    if (c === ")") {
      if (pendingCloses.length < 2) fail("unexpected )");
      out += ")".repeat(pendingCloses.pop() ?? 0) + ")";
      i++;
      continue;
    }
    if (c === "{") {
      const rep = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (rep !== null) {
        const min = Number(rep[1]);
        const max = rep[3] !== undefined && rep[3] !== "" ? Number(rep[3]) : min;
        if (min > 1000 || max > 1000 || max < min) fail("invalid repeat count");
        out += rep[0];
        i += rep[0].length;
      } else {
        out += "\\{";
        i++;
      }
      continue;
    }
    if (c === "}") {
      out += "\\}";
      i++;
      continue;
    }
    if (c === "/") {
      out += "\\/";
      i++;
      continue;
    }
    out += c;
    i++;
  }
  if (pendingCloses.length > 1) fail("missing closing )");
  return { source: out + ")".repeat(pendingCloses[0] ?? 0), flags };
}

type Fail = (why: string) => never;

function escape(p: string, i: number, inClass: boolean, fail: Fail): [string, number] {
  const c = p[i + 1];
  if (c === undefined) fail("trailing backslash at end of expression");
  switch (c) {
    case "d":
    case "D":
    case "w":
    case "W":
    case "b":
    case "B":
    case "t":
    case "n":
    case "r":
    case "f":
    case "v":
      return [`\\${c}`, i + 2];
    case "s":
      return [inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]", i + 2];
    case "S":
      return [inClass ? "\\S" : "[^\\t\\n\\f\\r ]", i + 2];
    case "a":
      return ["\\x07", i + 2];
    case "A":
      return [inClass ? fail("invalid escape sequence: `\\A`") : "(?<![\\s\\S])", i + 2];
    case "z":
      return [inClass ? fail("invalid escape sequence: `\\z`") : "(?![\\s\\S])", i + 2];
    case "Q": {
      const end = p.indexOf("\\E", i + 2);
      const literal = end < 0 ? p.slice(i + 2) : p.slice(i + 2, end);
      return [
        [...literal].map((ch) => (JS_SYNTAX.has(ch) || ch === "-" ? "\\" + ch : ch)).join(""),
        end < 0 ? p.length : end + 2,
      ];
    }
    case "x": {
      const braced = /^\{([0-9A-Fa-f]+)\}/.exec(p.slice(i + 2));
      if (braced !== null) return [`\\u{${braced[1] ?? ""}}`, i + 2 + braced[0].length];
      const two = /^[0-9A-Fa-f]{2}/.exec(p.slice(i + 2));
      if (two === null) fail("invalid escape sequence: `\\x`");
      return [`\\x${two?.[0] ?? ""}`, i + 4];
    }
    case "p":
    case "P": {
      const braced = /^\{(\^?)([A-Za-z_]+)\}/.exec(p.slice(i + 2));
      const single = /^[A-Za-z]/.exec(p.slice(i + 2));
      let neg = c === "P";
      let name: string;
      let len: number;
      if (braced !== null) {
        if (braced[1] === "^") neg = !neg;
        name = braced[2] ?? "";
        len = braced[0].length;
      } else if (single !== null) {
        name = single[0];
        len = 1;
      } else {
        return fail("invalid character class range: `\\p`");
      }
      const prop = GENERAL_CATEGORIES.has(name) ? name : name === "Any" ? "Any" : `Script=${name}`;
      if (prop === "Any") return [neg ? "[^\\s\\S]" : "[\\s\\S]", i + 2 + len];
      return [`\\${neg ? "P" : "p"}{${prop}}`, i + 2 + len];
    }
  }
  if (/[1-9]/.test(c as string)) fail(`invalid escape sequence: \`\\${c}\``);
  if (c === "0") {
    const oct = /^[0-7]{1,3}/.exec(p.slice(i + 1));
    const code = parseInt(oct?.[0] ?? "0", 8);
    return [`\\u{${code.toString(16)}}`, i + 1 + (oct?.[0].length ?? 1)];
  }
  if (/[A-Za-z0-9]/.test(c as string)) fail(`invalid escape sequence: \`\\${c}\``);
  // RE2 lets any punctuation be escaped; JS unicode mode only its syntax characters.
  if (JS_SYNTAX.has(c as string) || (inClass && c === "-")) return [`\\${c}`, i + 2];
  return [c as string, i + 2];
}

function charClass(p: string, start: number, fail: Fail): [string, number] {
  let i = start + 1;
  let out = "[";
  if (p[i] === "^") {
    out += "^";
    i++;
  }
  // A `]` first in the class is a literal in RE2.
  if (p[i] === "]") {
    out += "\\]";
    i++;
  }
  while (i < p.length && p[i] !== "]") {
    const c = p[i] as string;
    if (c === "[" && p[i + 1] === ":") {
      const m = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(i));
      const body = m !== null ? POSIX[m[2] ?? ""] : undefined;
      if (m === null || body === undefined) fail("invalid character class range");
      if (m?.[1] === "^") fail("negated POSIX classes are not supported offline");
      out += body;
      i += m?.[0].length ?? 1;
      continue;
    }
    if (c === "\\") {
      const [text, next] = escape(p, i, true, fail);
      out += text;
      i = next;
      continue;
    }
    if (c === "[" || c === "/" || c === "{" || c === "}" || c === "(" || c === ")" || c === "|") {
      out += "\\" + c;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  if (i >= p.length) fail("missing closing ]");
  return [out + "]", i + 1];
}
