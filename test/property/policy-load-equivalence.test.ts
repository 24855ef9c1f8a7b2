/**
 * The fast loader path (js-yaml events) must be indistinguishable from the reference `yaml` path:
 * same objects, lines, columns, field positions and errors, on the whole shared corpus and on
 * generated YAML written in every style a manifest may use.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { needsYamlPath, parseManifests, parseManifestsWithYaml } from "../../src/policy/load/parse.js";
import type { ParseResult } from "../../src/policy/load/parse.js";

const corpus = join(import.meta.dirname, "../../../shared/corpus");

type Path = (string | number)[];

/** Every path into a value (capped), plus a few that do not exist. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (out.length > 200) return out;
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
    out.push([...prefix, value.length], [...prefix, "0"], [...prefix, "x"]);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
    out.push([...prefix, "missing"], [...prefix, 0]);
  }
  return out;
}

function view(r: ParseResult) {
  return {
    errors: r.errors,
    objects: r.objects.map((o) => ({
      file: o.file,
      line: o.line,
      col: o.col,
      object: o.object,
      fields: pathsOf(o.object)
        .filter((p) => p.length > 0)
        .map((p) => [p.join("."), o.locate(p)]),
    })),
  };
}

function expectSame(text: string, file = "t.yaml"): void {
  const fast = view(parseManifests(text, file));
  const slow = view(parseManifestsWithYaml(text, file));
  expect(fast).toStrictEqual(slow);
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(e.name)) out.push(full);
  }
  return out.sort();
}

describe("fast loader path ≡ yaml path", () => {
  it("on every YAML file of the shared corpus, mostly through the fast path", () => {
    const files = yamlFiles(corpus);
    expect(files.length).toBeGreaterThan(4500);
    let fast = 0;
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      if (!needsYamlPath(text)) fast++;
      expectSame(text, f);
    }
    // The corpus is plain manifests: nearly all of it must take the fast path, or it is not fast.
    expect(fast / files.length).toBeGreaterThan(0.9);
  });

  it.each([
    ["document end markers", "apiVersion: v1\nkind: A\n...\n---\napiVersion: v1\nkind: B\n...\n"],
    [
      "--- inside a block scalar",
      "apiVersion: v1\nkind: A\ndata:\n  s: |\n    ---\n    x: 1\n---\napiVersion: v1\nkind: B\n",
    ],
    ["indented root", "  apiVersion: v1\n  kind: A\n  metadata: {name: n}\n"],
    ["flow root", "{apiVersion: v1, kind: A, metadata: {name: n}}\n"],
    ["json", '{"apiVersion": "v1", "kind": "A", "spec": {"a": [1, 2, {"b": null}]}}'],
    ["root on the --- line", "--- {apiVersion: v1, kind: A}\n--- \napiVersion: v1\nkind: B\n"],
    ["numeric and null keys", "apiVersion: v1\nkind: A\ndata:\n  1: a\n  ~: b\n  true: c\n  '2': d\n"],
    ["empty values", "apiVersion: v1\nkind: A\nspec:\n  a:\n  b: []\n  c: {}\n  d: ''\n"],
    [
      "comments between key and value",
      "apiVersion: v1 # c\nkind: A\nspec: # c\n  # c\n  a: # c\n    - 1 # c\n",
    ],
    [
      "sequence at the key's indentation",
      "apiVersion: v1\nkind: A\nspec:\n  containers:\n  - name: a\n    image: b\n",
    ],
    ["block scalars", "apiVersion: v1\nkind: A\ndata:\n  a: |-\n    x\n  b: >+\n    y\n\n  c: |2\n     z\n"],
    ["CRLF", "apiVersion: v1\r\nkind: A\r\nmetadata:\r\n  name: n\r\n"],
    ["duplicate key across styles", "apiVersion: v1\nkind: A\ndata: {1: a, '1': b}\n"],
    ["duplicate key", "apiVersion: v1\nkind: A\nkind: B\n"],
    ["tabs", "apiVersion: v1\nkind: A\ndata:\n  a:\tb\n"],
    ["multi-line plain and quoted", 'apiVersion: v1\nkind: A\ndata:\n  a: one\n    two\n  b: "x\n    y"\n'],
    ["unicode", 'apiVersion: v1\nkind: A\nmetadata: {name: é😀}\ndata: {k: "\\u00e9"}\n'],
    ["List", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n"],
    ["scalar document", "just a string\n---\napiVersion: v1\nkind: A\n"],
    ["no kind", "apiVersion: v1\nmetadata: {}\n"],
    ["empty stream", ""],
    ["only comments", "# nothing\n---\n# more\n"],
    ["merge key", "apiVersion: v1\nkind: A\ndata:\n  <<: {a: 1}\n"],
    [
      "big integers and odd numbers",
      "apiVersion: v1\nkind: A\nd: [12345678901234567890, -0, 0o17, 0x1F, 017, 1_000, +1, .5, 1e3, .inf, -.Inf, .NaN, 0b1]\n",
    ],
    ["YAML 1.1 booleans stay strings", "apiVersion: v1\nkind: A\nd: [yes, no, on, off, y, n, Yes, OFF]\n"],
    ["deep nesting", `apiVersion: v1\nkind: A\nd: ${"[".repeat(120)}${"]".repeat(120)}\n`],
  ])("%s", (_, text) => {
    expectSame(text);
  });

  const tricky = [
    "1",
    "1.0",
    "0x1F",
    "0o17",
    "017",
    "+1",
    "-0",
    "1e3",
    ".inf",
    "-.Inf",
    ".NaN",
    "true",
    "True",
    "FALSE",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "~",
    "null",
    "Null",
    "",
    "1_000",
    "0b101",
    "12:30:00",
    "2001-12-14",
    "=",
    "<<",
    "a b",
    " a",
    "a:b",
    "a: b",
    "a #b",
    "-",
    "- a",
    "'",
    '"',
    "\\",
    "@x",
    "`x",
    "%x",
    "line1\nline2",
    "trailing\n",
    "  lead",
    "---",
    "...",
    "a\n---\nb",
    "é",
    "😀",
    "\t",
    ":",
    "{",
    "[",
    ",",
    "#",
    "?",
    "a\n...\nb",
    "x\r\ny",
  ];
  const scalar = fc.oneof(
    fc.constantFrom(...tricky),
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const key = fc.oneof(
    fc.constantFrom("name", "image", "a", "b-c", "x.y/z", "1", "true", "~"),
    fc.string({ maxLength: 5 }),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(key, tie("value"), { maxKeys: 3 }),
    ),
  }));

  type Style = { pick: (n: number) => number };
  const q1 = (s: string) => `'${s.replace(/'/g, "''")}'`;
  function scalarText(v: unknown, st: Style, indent: string): string {
    if (typeof v !== "string") return String(v);
    switch (st.pick(4)) {
      case 0:
        return v; // plain, even where that changes its meaning: both parsers must agree anyway
      case 1:
        return q1(v);
      case 2:
        return JSON.stringify(v);
      default:
        return v.includes("\n") && !/^\s/.test(v) && !/[\r\t]/.test(v)
          ? `|${st.pick(2) ? "-" : "+"}\n${v
              .split("\n")
              .map((l) => `${indent}  ${l}`)
              .join("\n")}`
          : JSON.stringify(v);
    }
  }
  function flow(v: unknown, st: Style): string {
    if (Array.isArray(v)) return `[${v.map((x) => flow(x, st)).join(", ")}]`;
    if (v !== null && typeof v === "object")
      return `{${Object.entries(v)
        .map(([k, x]) => `${JSON.stringify(k)}: ${flow(x, st)}`)
        .join(", ")}}`;
    return typeof v === "string" ? JSON.stringify(v) : String(v);
  }
  const comment = (st: Style) => (st.pick(4) === 0 ? " # note" : "");
  function block(v: unknown, st: Style, indent: string): string {
    // Returns the text after "key:" (starting with a space or a newline).
    if (v !== null && typeof v === "object" && Object.keys(v).length > 0 && st.pick(3) > 0) {
      if (Array.isArray(v))
        return `${comment(st)}\n${v.map((x) => `${indent}- ${block(x, st, indent + "  ").trimStart()}`).join("\n")}`;
      return `${comment(st)}\n${Object.entries(v)
        .map(([k, x]) => `${indent}${scalarText(k, st, indent)}:${block(x, st, indent + "  ")}`)
        .join("\n")}`;
    }
    if (v !== null && typeof v === "object") return ` ${flow(v, st)}${comment(st)}`;
    return ` ${scalarText(v, st, indent)}${comment(st)}`;
  }
  const doc = fc.record({
    body: fc.dictionary(key, value, { maxKeys: 4 }),
    withKind: fc.boolean(),
    end: fc.constantFrom("", "...\n", "\n", "# trailing\n"),
  });

  it("on generated manifests in every style", () => {
    let total = 0;
    let fast = 0;
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
        fc.boolean(),
        (docs, seeds, leading) => {
          let n = 0;
          const st: Style = { pick: (k) => (seeds[n++ % seeds.length] as number) % k };
          const texts = docs.map((d) => {
            const body = d.withKind ? { apiVersion: "v1", kind: "ConfigMap", ...d.body } : d.body;
            return `${block(body, st, "").replace(/^[^\n]*\n/, "")}\n${d.end}`;
          });
          const text = (leading ? "---\n" : "") + texts.join("---\n");
          total++;
          if (!needsYamlPath(text) && parseManifests(text, "t.yaml").errors.length === 0) fast++;
          expectSame(text);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? "400") },
    );
    // Most generated texts must exercise the fast path, not only the fallback.
    expect(fast / total).toBeGreaterThan(0.2);
  });
});
