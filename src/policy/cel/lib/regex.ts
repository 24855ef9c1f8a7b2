import type { Environment } from "@marcbachmann/cel-js";
import { chargeLength } from "../cost.js";
import { re2 } from "../re2.js";
import { fail } from "./errors.js";

/** `matches` with RE2 semantics and Kubernetes' regex library (find, findAll). */
export function registerRegex(env: Environment): void {
  const matches = (s: string, pattern: string): boolean => {
    chargeLength(s.length + pattern.length);
    return re2(pattern).test(s);
  };
  env.registerFunction("string.__k8s_matches(string): bool", matches);
  env.registerFunction("__k8s_matches(string, string): bool", matches);
  env.registerFunction("string.find(string): string", (s: string, pattern: string) => {
    chargeLength(s.length + pattern.length);
    return re2(pattern).exec(s)?.[0] ?? "";
  });
  const findAll = (s: string, pattern: string, limit: bigint): string[] => {
    chargeLength(s.length + pattern.length);
    if (limit === 0n) return [];
    const out: string[] = [];
    const re = re2(pattern, true);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let lastEnd = -1;
    while ((m = re.exec(s)) !== null) {
      // Go skips an empty match right after the previous match.
      if (m[0] === "" && m.index === lastEnd) {
        re.lastIndex = m.index + ((s.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
        if (m.index >= s.length) break;
        continue;
      }
      out.push(m[0]);
      lastEnd = m.index + m[0].length;
      if (limit > 0n && BigInt(out.length) >= limit) break;
      if (m[0] === "") {
        if (m.index >= s.length) break;
        re.lastIndex = m.index + ((s.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
      }
    }
    return out;
  };
  env.registerFunction("string.findAll(string): list<string>", (s: string, p: string) => findAll(s, p, -1n));
  env.registerFunction("string.findAll(string, int): list<string>", findAll);
  void fail;
}
