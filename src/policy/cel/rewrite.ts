import type { ASTNode } from "@marcbachmann/cel-js";

/**
 * Source-level rewrite of a parsed expression, so the library evaluates Kubernetes semantics:
 * - calls of built-ins whose library behaviour differs from cel-go (UTF-16 indexing, JS RegExp,
 *   Unicode lowerAscii, …) are renamed to our `__k8s_*` functions;
 * - each comprehension's range is wrapped in `__k8s_cost(range, k)`, which charges
 *   `size(range) × k` cost units (k = nodes in the loop body + 1) before the loop runs.
 * The text is rebuilt from the original source slices (not re-serialised from the AST), so
 * literals keep their exact spelling.
 */

const RENAMED_METHODS = new Set([
  "charAt",
  "indexOf",
  "lastIndexOf",
  "lowerAscii",
  "upperAscii",
  "replace",
  "split",
  "substring",
  "trim",
  "join",
  "format",
  "matches",
  "reverse",
]);
// (reverse: only lists have it in the apiserver's environment; strings.reverse is not enabled.)
const RENAMED_FUNCTIONS = new Set(["matches", "string", "int", "double"]);
// Namespaced functions (`sets.contains(…)`) parse as method calls on an identifier; the library
// cannot declare dotted function names, so they become `__k8s_sets_contains(…)`.
const NAMESPACES = new Set(["strings", "sets", "lists", "ip"]);
const COMPREHENSIONS = new Set(["all", "exists", "exists_one", "map", "filter", "sortBy"]);

export const COST_FUNCTION = "__k8s_cost";

interface Node {
  op: string;
  args: unknown;
  start: number;
  end: number;
}

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && "op" in v && "start" in v && "end" in v;
}

export function children(node: Node): Node[] {
  const out: Node[] = [];
  const visit = (v: unknown): void => {
    if (isNode(v)) out.push(v);
    else if (Array.isArray(v)) v.forEach(visit);
  };
  if (node.op === "value" || node.op === "id") return out;
  visit(node.args);
  return out;
}

const REQUEST_DATA = new Set(["object", "oldObject", "params", "namespaceObject", "request", "variables"]);

/** Whether an expression selects from the untyped request data (so its static type is dyn). */
function rootIsRequestData(node: Node): boolean {
  let n: Node = node;
  for (;;) {
    if (n.op === "." || n.op === ".?" || n.op === "[]" || n.op === "[?]") n = (n.args as Node[])[0] as Node;
    else if (n.op === "rcall" && ["orValue", "value"].includes((n.args as unknown[])[0] as string)) {
      n = (n.args as unknown[])[1] as Node;
    } else break;
  }
  return n.op === "id" && REQUEST_DATA.has(n.args as string);
}

function selectsFromIdentifier(node: Node): boolean {
  let n: Node = node;
  while (n.op === "." || n.op === ".?") n = (n.args as [Node, string])[0];
  return n.op === "id";
}

export function countNodes(node: Node): number {
  let n = 1;
  for (const c of children(node)) n += countNodes(c);
  return n;
}

export interface Rewritten {
  source: string;
  /** Static node count of the original expression: charged once per evaluation. */
  nodeCount: number;
  /** Literal regex patterns found, to be validated at compile time like cel-go does. */
  regexLiterals: string[];
}

export function rewrite(ast: ASTNode, input: string): Rewritten {
  const regexLiterals: string[] = [];
  const spans = new Map<Node, [number, number]>();
  const span = (node: Node): [number, number] => {
    let s = spans.get(node);
    if (s === undefined) {
      s = [node.start, node.end];
      for (const c of children(node)) {
        const cs = span(c);
        s = [Math.min(s[0], cs[0]), Math.max(s[1], cs[1])];
      }
      // The parser's ranges leave out a node's own parentheses; take matched pairs around it in,
      // so rewritten operands keep their grouping.
      for (;;) {
        let a: number = s[0] - 1;
        while (a >= 0 && /\s/.test(input[a] ?? "")) a--;
        let b: number = s[1];
        while (b < input.length && /\s/.test(input[b] ?? "")) b++;
        if (input[a] !== "(" || input[b] !== ")") break;
        s = [a, b + 1];
      }
      spans.set(node, s);
    }
    return s;
  };

  // cel-go checks that list/map literals are homogeneous, except inside format()'s arguments;
  // the library has one global switch, so elements there are wrapped in dyn() instead.
  const dynLiterals = new Set<Node>();
  const markLiterals = (n: Node): void => {
    if (n.op === "list" || n.op === "map") dynLiterals.add(n);
    children(n).forEach(markLiterals);
  };
  const findFormats = (n: Node): void => {
    if (n.op === "rcall" && (n.args as unknown[])[0] === "format") {
      ((n.args as unknown[])[2] as Node[]).forEach(markLiterals);
    }
    children(n).forEach(findFormats);
  };
  findFormats(ast as unknown as Node);

  const emit = (node: Node): string => {
    const [start, end] = span(node);
    const kids = children(node).sort((a, b) => span(a)[0] - span(b)[0]);
    const parts: string[] = [];
    let pos = start;
    const gaps: string[] = [];
    for (const k of kids) {
      const [ks, ke] = span(k);
      gaps.push(input.slice(pos, ks));
      parts.push(emit(k));
      pos = ke;
    }
    gaps.push(input.slice(pos, end));

    if (node.op === "rcall" || node.op === "call") {
      const args = node.args as unknown[];
      const name = args[0] as string;
      const callArgs = (node.op === "rcall" ? args[2] : args[1]) as Node[];
      const firstArg = callArgs[0];
      if ((name === "matches" || name === "find" || name === "findAll") && firstArg !== undefined) {
        const lit = node.op === "rcall" ? firstArg : callArgs[1];
        if (lit?.op === "value" && typeof lit.args === "string") regexLiterals.push(lit.args);
      }
      if (node.op === "rcall") {
        const receiver = args[1] as Node;
        const ri = kids.indexOf(receiver);
        const twoVar = twoVariableMacro(name, callArgs, ri >= 0 ? (parts[ri] ?? "") : "", (n) => emit(n));
        if (twoVar !== undefined) {
          const open = gaps[0] ?? "";
          return open + twoVar + ")".repeat(open.split("(").length - 1);
        }
        if (receiver.op === "id" && NAMESPACES.has(receiver.args as string) && ri >= 0) {
          parts[ri] = `__k8s_${receiver.args as string}_${name}`;
          gaps[ri + 1] = (gaps[ri + 1] ?? "").replace(new RegExp(`^\\s*\\.\\s*${name}`), "");
        } else if (RENAMED_METHODS.has(name) && ri >= 0) {
          gaps[ri + 1] = (gaps[ri + 1] ?? "").replace(new RegExp(`\\.(\\s*)${name}\\b`), `.$1__k8s_${name}`);
        }
        if (COMPREHENSIONS.has(name) && callArgs.length >= 2 && callArgs[0]?.op === "id" && ri >= 0) {
          const body = callArgs.slice(1).reduce((n, a) => n + countNodes(a), 0);
          const fn = rootIsRequestData(receiver) ? `${COST_FUNCTION}_dyn` : COST_FUNCTION;
          parts[ri] = `${fn}(${parts[ri] ?? ""}, ${body + 1})`;
        }
      } else if (name === "has" && firstArg?.op === "." && !selectsFromIdentifier(firstArg)) {
        // The library's has() only accepts `ident.a.b`; cel-go any `expr.field`.
        const [target, field] = firstArg.args as [Node, string];
        const open = gaps[0]?.slice(0, gaps[0].indexOf("has")) ?? "";
        return `${open}__k8s_has(${emit(target)}, ${JSON.stringify(field)})${")".repeat(open.split("(").length - 1)}`;
      } else if (RENAMED_FUNCTIONS.has(name)) {
        gaps[0] = (gaps[0] ?? "").replace(new RegExp(`^([\\s(]*)${name}\\b`), `$1__k8s_${name}`);
      }
    }
    if (node.op === "-_" && parts.length === 1) {
      const operand = children(node)[0];
      const literal = operand?.op === "value" && typeof operand.args !== "string";
      if (!literal) {
        // The library does not report int64 overflow for `-x` (x = -2^63); cel-go does.
        return `${(gaps[0] ?? "").replace("-", "__k8s_neg(")}${parts[0] ?? ""}${gaps[1] ?? ""})`;
      }
    }
    if (node.op === "map" && parts.length > 0) {
      const pairs = node.args as [Node, Node][];
      const stringKeys = pairs.every(([k]) => k.op === "value" && typeof k.args === "string");
      if (!stringKeys) {
        // The library turns every map literal into a plain object, so keys become strings
        // (`{1: 'a'}` would answer to '1'); typed keys need a real Map.
        const entries: string[] = [];
        for (let i = 0; i + 1 < parts.length; i += 2) {
          const [k, v] = [parts[i] ?? "", parts[i + 1] ?? ""];
          entries.push(`[dyn(${k}), dyn(${v})]`);
        }
        const open = gaps[0] ?? "";
        const opens = open.slice(0, open.indexOf("{"));
        const close = gaps[gaps.length - 1] ?? "";
        return `${opens}__k8s_map([${entries.join(", ")}])${close.slice(close.lastIndexOf("}") + 1)}`;
      }
    }
    if (dynLiterals.has(node)) {
      // For maps only the values (odd positions) are wrapped; keys stay as written.
      for (let i = node.op === "map" ? 1 : 0; i < parts.length; i += node.op === "map" ? 2 : 1) {
        parts[i] = `dyn(${parts[i] ?? ""})`;
      }
    }
    if ((node.op === "/" || node.op === "%") && parts.length === 2) {
      // int64 MIN / -1 and MIN % -1 overflow in cel-go; the library returns 2^63. Integer division
      // therefore goes through our checked functions.
      const fn = node.op === "/" ? "__k8s_div" : "__k8s_mod";
      // Gaps hold only syntax (literals are nodes), so parentheses can be counted there: those
      // around each operand stay with it, unmatched ones around the whole node stay outside.
      const g0 = gaps[0] ?? "";
      const mid = gaps[1] ?? "";
      const g2 = gaps[2] ?? "";
      const at = mid.indexOf(node.op);
      const [a, b] = [mid.slice(0, at), mid.slice(at + 1)];
      const count = (t: string, c: string): number => t.split(c).length - 1;
      let outerOpen = Math.max(0, count(g0, "(") - count(a, ")"));
      let prefix = "";
      let left = g0;
      while (outerOpen-- > 0) {
        const i = left.indexOf("(");
        prefix += left.slice(0, i + 1);
        left = left.slice(i + 1);
      }
      let outerClose = Math.max(0, count(g2, ")") - count(b, "("));
      let suffix = "";
      let right = g2;
      while (outerClose-- > 0) {
        const i = right.lastIndexOf(")");
        suffix = right.slice(i) + suffix;
        right = right.slice(0, i);
      }
      return `${prefix}${fn}(${left}${parts[0] ?? ""}${a}, ${b}${parts[1] ?? ""}${right})${suffix}`;
    }
    let out = gaps[0] ?? "";
    for (let i = 0; i < parts.length; i++) out += (parts[i] ?? "") + (gaps[i + 1] ?? "");
    return out;
  };

  let counter = 0;
  /**
   * cel-go's two-variable comprehensions (`all(k, v, p)`, `transformList`, `transformMap`, …)
   * have no macro in the library. They become one-variable ones over `__k8s_entries(range)`
   * (`[key-or-index, value]` pairs), binding k and v as real iteration variables of singleton
   * lists so the body is evaluated unchanged: `[e[1]].all(v, [e[0]].all(k, p))` is exactly p.
   */
  const twoVariableMacro = (
    name: string,
    callArgs: Node[],
    range: string,
    emitNode: (n: Node) => string,
  ): string | undefined => {
    const [k, v, ...body] = callArgs;
    if (k?.op !== "id" || v?.op !== "id" || body.length === 0 || body.length > 2) return undefined;
    const quantifier = { all: "all", exists: "exists", exists_one: "exists_one", existsOne: "exists_one" }[
      name
    ];
    const transform = ["transformList", "transformMap", "transformMapEntry"].includes(name);
    if (quantifier === undefined && !transform) return undefined;
    if (quantifier !== undefined && body.length !== 1) return undefined;
    const e = `__k8s_e${counter++}`;
    const bind = (expr: string, how: string): string =>
      `[${e}[1]].${how}(${v.args as string}, [${e}[0]].${how}(${k.args as string}, ${expr}))`;
    const value = (expr: string): string => `${bind(expr, "map")}[0][0]`;
    const entries = `${COST_FUNCTION}(__k8s_entries(${range}), ${body.reduce((n, a) => n + countNodes(a), 1)})`;
    const texts = body.map(emitNode);
    if (quantifier !== undefined)
      return `${entries}.${quantifier}(${e}, ${bind(texts[0] ?? "", quantifier)})`;
    const [filter, expr] =
      texts.length === 2 ? [texts[0] ?? "", texts[1] ?? ""] : [undefined, texts[0] ?? ""];
    const source = filter === undefined ? entries : `${entries}.filter(${e}, ${bind(filter, "all")})`;
    if (name === "transformList") return `${source}.map(${e}, ${value(expr)})`;
    if (name === "transformMap")
      return `__k8s_pairsToMap(${source}.map(${e}, [dyn(${e}[0]), dyn(${value(expr)})]))`;
    return `__k8s_mergeMaps(${source}.map(${e}, ${value(expr)}))`;
  };

  const root = ast as unknown as Node;
  const [s, e] = span(root);
  const source = input.slice(0, s) + emit(root) + input.slice(e);
  return { source, nodeCount: countNodes(root), regexLiterals };
}
