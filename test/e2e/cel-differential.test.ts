/**
 * Differential test of our CEL evaluator against Kubernetes' own (Go, k8s.io/apiserver's CEL
 * environment via tools/cel-reference, built on first use): a corpus of expressions × inputs
 * generated with fast-check (fixed seed), compared value by value (type-tagged: int ≠ double).
 * Two errors count as equal whatever their wording or stage (cel-go reports some at compile time
 * through constant folding, we at evaluation).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonical, compileCel, toCel } from "../../src/policy/cel/index.js";
import { evaluateWithReference, type ReferenceCase } from "../../bench/cel-reference.js";

const EXPRESSIONS = [
  // object access, has(), optionals
  "has(object.metadata.labels) && 'app' in object.metadata.labels",
  "object.?metadata.?labels.?app.orValue('none')",
  "object.metadata.?annotations.hasValue()",
  "object.spec.containers.all(c, has(c.resources) && has(c.resources.limits))",
  "object.spec.containers.exists(c, c.image.endsWith(':latest') || !c.image.contains(':'))",
  "object.spec.containers.exists_one(c, c.name == 'app')",
  "object.spec.containers.map(c, c.name)",
  "object.spec.containers.filter(c, c.image.startsWith('registry.example.com/')).size()",
  "object.spec.containers.all(c, c.image.matches('^[a-z0-9./-]+(:[A-Za-z0-9._-]+)?(@sha256:[a-f0-9]{64})?$'))",
  "object.spec.replicas * 2 + 1",
  "object.spec.replicas / (object.spec.replicas - 3)",
  "object.spec.replicas % 4 == 1",
  "object.spec.ratio * 2.0",
  "object.spec.replicas > 3 ? 'big' : 'small'",
  "string(object.spec.replicas) + '/' + string(object.spec.ratio)",
  "int(object.spec.ratio)",
  "double(object.spec.replicas) / 3.0",
  "object.spec.replicas + 9223372036854775800",
  "-object.spec.replicas - 9223372036854775800",
  // strings (Kubernetes ext semantics, code points)
  "object.metadata.name.size()",
  "object.metadata.name.indexOf('a')",
  "object.metadata.name.lastIndexOf('a')",
  "object.metadata.name.charAt(1)",
  "object.metadata.name.substring(1)",
  "object.metadata.name.substring(0, 2)",
  "object.metadata.name.lowerAscii()",
  "object.metadata.name.upperAscii()",
  "object.metadata.name.split('-')",
  "object.metadata.name.split('-', 2)",
  "object.metadata.name.replace('a', 'A')",
  "object.metadata.name.replace('-', '', 1)",
  "object.metadata.name.trim()",
  "object.spec.containers.map(c, c.name).join(',')",
  "'%s has %d containers'.format([object.metadata.name, object.spec.containers.size()])",
  "object.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
  "object.metadata.name.matches('(?i)^WEB')",
  "object.metadata.name.find('[0-9]+')",
  "object.metadata.name.findAll('[a-z]')",
  "object.metadata.name < 'm'",
  // lists and sets
  "object.spec.ports.isSorted()",
  "object.spec.ports.sum()",
  "object.spec.ports.size() > 0 ? object.spec.ports.max() : -1",
  "object.spec.ports.size() > 0 ? object.spec.ports.min() : -1",
  "object.spec.ports.indexOf(80)",
  "object.spec.ports.lastIndexOf(80)",
  "object.spec.ports.distinct()",
  "object.spec.ports.sort()",
  "sets.contains(object.spec.ports, [80])",
  "sets.intersects(object.spec.ports, [443, 8443])",
  "80 in object.spec.ports",
  "object.spec.ports.map(p, p * 1000000000000)",
  // maps
  "object.metadata.labels.all(k, k.size() < 10)",
  "object.metadata.labels.exists(k, object.metadata.labels[k] == 'web')",
  "size(object.metadata.labels)",
];

const name = fc.stringMatching(/^[a-zA-Z0-9-]{0,12}$/);
const unicodeName = fc.oneof(
  name,
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.constantFrom("😀a-b", "ÄBc", "  sp ", "a-😀-a"),
);
const container = fc.record({
  name: fc.constantFrom("app", "sidecar", "init", "App"),
  image: fc.constantFrom(
    "nginx",
    "nginx:latest",
    "registry.example.com/team/app:1.2.3",
    "registry.example.com/app@sha256:" + "a".repeat(64),
    "ghcr.io/x/y:v1",
    "Bad Image",
  ),
  resources: fc.option(fc.record({ limits: fc.record({ memory: fc.constantFrom("128Mi", "1Gi") }) }), {
    nil: undefined,
  }),
});
const labelMap = fc.dictionary(
  fc.constantFrom("app", "team", "tier", "very-long-key"),
  fc.constantFrom("web", "db", ""),
  { maxKeys: 3 },
);
const objectArb = fc.record({
  metadata: fc.record(
    {
      name: unicodeName,
      labels: labelMap,
      annotations: fc.dictionary(fc.constantFrom("a", "b"), fc.constant("x")),
    },
    { requiredKeys: ["name", "labels"] },
  ),
  spec: fc.record({
    replicas: fc.oneof(fc.bigInt({ min: -5n, max: 10n }), fc.constant(3n), fc.constant(9223372036854775807n)),
    ratio: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0.5, 2.5, 1e20)),
    containers: fc.array(container, { maxLength: 3 }),
    ports: fc.array(fc.constantFrom(80n, 443n, 8080n, 8443n), { maxLength: 4 }),
  }),
});

const INPUTS_PER_EXPRESSION = 60;
const ALL_VARIABLES = [
  "object",
  "oldObject",
  "params",
  "namespaceObject",
  "request",
  "variables",
  "authorizer",
];

function strip(v: unknown): unknown {
  return JSON.parse(
    JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? { $big: x.toString() } : x)),
    (_k, x: unknown) =>
      x !== null && typeof x === "object" && "$big" in x ? BigInt((x as { $big: string }).$big) : x,
  );
}

describe("CEL: ours vs Kubernetes' Go CEL (tools/cel-reference)", () => {
  it("gives the same result for every expression × generated input", () => {
    const inputs = fc.sample(objectArb, { numRuns: INPUTS_PER_EXPRESSION, seed: 20261125 }).map(strip);
    const cases: ReferenceCase[] = [];
    for (const expression of EXPRESSIONS)
      for (const object of inputs) cases.push({ expression, variables: { object } });
    const reference = evaluateWithReference(cases);
    expect(reference).toHaveLength(cases.length);

    const mismatches: string[] = [];
    cases.forEach((c, i) => {
      const ref = reference[i];
      const compiled = compileCel(c.expression);
      const activation: Record<string, unknown> = {};
      for (const v of ALL_VARIABLES) activation[v] = null;
      activation.object = toCel(c.variables.object, { numbers: "double" });
      const ours = compiled.ok
        ? compiled.expression.evaluate(activation)
        : { ok: false as const, error: compiled.error };
      const oursCanonical = ours.ok ? JSON.stringify(canonical(ours.value)) : "error";
      const refCanonical = ref?.ok === true ? JSON.stringify(ref.value) : "error";
      if (oursCanonical !== refCanonical) {
        mismatches.push(
          `${c.expression}\n    input:  ${JSON.stringify(strip(c.variables.object), (_k, x: unknown) => (typeof x === "bigint" ? `${x}n` : x))}\n    ours:   ${ours.ok ? oursCanonical : `error ${ours.error}`}\n    go:     ${ref?.ok === true ? refCanonical : `error ${ref?.error ?? "missing"}`}`,
        );
      }
    });
    console.log(`CEL differential: ${cases.length} comparisons, ${mismatches.length} mismatches`);
    if (mismatches.length > 0) console.log(mismatches.slice(0, 15).join("\n"));
    expect(mismatches).toEqual([]);
  }, 600_000);
});
