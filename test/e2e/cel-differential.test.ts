/**
 * Differential test of our CEL evaluator against Kubernetes' own (Go, k8s.io/apiserver's CEL
 * environment via tools/cel-reference, built on first use): a corpus of expressions × inputs
 * generated with fast-check (fixed seed), compared value by value (type-tagged: int ≠ double).
 * Two errors count as equal whatever their wording or stage (cel-go reports some at compile time
 * through constant folding, we at evaluation).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VAP_VARIABLES, canonical, compileCel, toCel } from "../../src/policy/cel/index.js";
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
  "object.metadata.labels.all(k, v, k.size() > v.size())",
  "object.spec.containers.exists(i, c, i > 0 && c.name == 'app')",
  "object.metadata.labels.transformMap(k, v, v + '-' + k)",
  "object.spec.containers.transformList(i, c, c.image.contains(':'), i)",
  "has(object.spec.containers[0].resources)",
  "object.spec.containers.size() > 1 && (has(object.spec.containers[1].resources) || has(object.spec.containers[0].resources.limits))",
  "has({'a': {'b': 1}}.a.b) && !has({'a': {'b': 1}}.a.c)",
  // quantities from the object
  "object.spec.containers.all(c, !has(c.resources) || quantity(c.resources.limits.memory).isLessThan(quantity('1Gi')))",
  "object.spec.containers.map(c, c.?resources.?limits.?memory.orValue('0')).all(m, isQuantity(m))",
  "object.spec.containers.filter(c, has(c.resources)).map(c, quantity(c.resources.limits.memory).asInteger())",
];

/** Expressions without input: edge cases of the Kubernetes libraries, each compared once. */
const CONSTANT_EXPRESSIONS = [
  "quantity('1Gi').isGreaterThan(quantity('1G'))",
  "quantity('100m').compareTo(quantity('0.1'))",
  "quantity('1.5').isInteger()",
  "quantity('1k').asInteger()",
  "quantity('1.5Gi').asInteger()",
  "quantity('0.5').asApproximateFloat()",
  "quantity('1').add(quantity('500m')).asApproximateFloat()",
  "quantity('1').sub(2).isLessThan(quantity('0'))",
  "quantity('1.0000000001').compareTo(quantity('1.000000001'))",
  "quantity('-1.0000000001').compareTo(quantity('-1.000000001'))",
  "quantity('1Gi') == quantity('1073741824')",
  "quantity('9223372036854775808').isInteger()",
  "quantity('100Mi').asInteger()",
  "quantity('1x')",
  ...["1.0.0", "1e3", "1Ki", "+.5m", "1.", "", "1E", "1e", "1Ki5", "-0", "1.5e-3", "0.1n", "1ki"].map(
    (q) => `isQuantity('${q}')`,
  ),
  "-9223372036854775808 / -1",
  "-9223372036854775808 % -1",
  "int(1e20)",
  "int('9223372036854775808')",
  "9223372036854775807 * 2",
  "18446744073709551615u + 1u",
  "1u - 2u",
  "'a😀b'.charAt(1)",
  "'a😀b'.charAt(3)",
  "'a😀b'.charAt(4)",
  "'😀😀'.lastIndexOf('😀')",
  "'abc'.indexOf('', 3)",
  "'abc'.indexOf('c', 4)",
  "'abc'.substring(2, 1)",
  "'a,b,,c'.split(',', -1)",
  "'abc'.split('')",
  "'abc'.split('', 2)",
  "'xx'.replace('', '-')",
  "'xx'.replace('', '-', 2)",
  "'\u00a0 x \u00a0'.trim()",
  "'%s|%d|%x|%o|%b|%.3f|%%'.format(['s', 42, 255, 8, 5, 3.14159])",
  "'%s'.format([[1, 'a', 2.5, true, null]])",
  "'%x'.format(['hi'])",
  "'%d'.format([1.5])",
  "'a.b'.matches('a\\.b')",
  "'AbC'.matches('(?i)^abc$')",
  "'ab\ncd'.matches('^cd')",
  "'ab\ncd'.matches('(?m)^cd')",
  "'x'.matches('\\pL')",
  "'1a'.matches('^[[:digit:]][[:alpha:]]$')",
  "'aa'.matches('(a)\\1')",
  "'ab'.matches('a(?!b)')",
  "'😀'.matches('^.$')",
  "'tab\there'.matches('\\s')",
  "'a-b_c'.findAll('[a-z]', 2)",
  "'abc'.findAll('x*')",
  "'banana'.find('an+')",
  "[3, 1, 2].sort()",
  "[1, 2.0, 3u].isSorted()",
  "['b', 'a'].max()",
  "[].sum()",
  "[1.5, 2.5].sum()",
  "[].max()",
  "[1, [2, [3, [4]]]].flatten(2)",
  "[1, 2, 3, 4].slice(1, 3)",
  "[1, 2].slice(2, 1)",
  "lists.range(4)",
  "[1, 1, 2.0, 2].distinct()",
  "sets.equivalent([1, 2, 2], [2, 1])",
  "sets.contains([], [])",
  "string(1.0e-5)",
  "string(-0.0)",
  "string(1.0 / 3.0)",
  "string(123456789012.0)",
  "string(18446744073709551615u)",
  "string(b'abc')",
  "dyn(1) == 1.0",
  "[1, 'a'].size()",
  "optional.of(1).orValue(2) + optional.none().orValue(3)",
  "{'a': 1}.?b.orValue(5)",
  "{'a': {'b': 2}}.?a.?b.value()",
  "quantity('1000m').isInteger()",
  "quantity('1.0').isInteger()",
  "quantity('1.5k').asInteger()",
  "quantity('0.5Ki').isInteger()",
  "quantity('1e30').asApproximateFloat()",
  "quantity('1e30').isInteger()",
  "quantity('1').add(quantity('1.0')).isInteger()",
  "quantity('1').add(quantity('1')).isInteger()",
  "quantity('500m').add(quantity('500m')).isInteger()",
  "quantity('9223372036854775807').add(1).isInteger()",
  "quantity('123456789012345678901').isInteger()",
  "'abc'.indexOf('c', 3)",
  "'abc'.indexOf('c', -1)",
  "'abc'.indexOf('', 4)",
  "'abc'.lastIndexOf('a', 4)",
  "'abc'.lastIndexOf('c', 3)",
  "'abc'.lastIndexOf('bc', 2)",
  "'abc'.lastIndexOf('')",
  "''.lastIndexOf('a', 0)",
  "'a😀c'.indexOf('c', 5)",
  "'%s'.format([[1e20, 0.1, -2.0]])",
  "'%s'.format([{'b': 1, 'a': 'x'}])",
  "'%s'.format([[b'x', 'y', [1u], {'k': [true]}]])",
  "'%s'.format([[null]])",
  "['%s'].map(f, f.format([[1, 'x']]))",
  "{'a': 1, 'b': 'x'}",
  "[[1], ['a']]",
  // cost limit (1,000,000 per expression): approximate, but on the same side of the limit here
  "lists.range(1000).all(i, lists.range(1000).all(j, i + j >= 0))",
  "lists.range(300).all(i, lists.range(300).all(j, i + j >= 0))",
  "lists.range(2000).all(i, lists.range(600).all(j, j >= 0))",
  "lists.range(100).all(i, lists.range(600).all(j, j >= 0))",
  "lists.range(500).map(i, 'x').join('').size()",
  "lists.range(400000).size()",
  // two-variable comprehensions
  "[1, 2, 3].all(i, v, v > i)",
  "[1, 2, 3].exists(i, v, v == i)",
  "[1, 2, 3].existsOne(i, v, v == i + 1)",
  "{'a': 1, 'b': 2}.all(k, v, k.size() == v)",
  "{'a': 1, 'b': 2}.exists(k, v, k == 'b' && v == 2)",
  "[10, 20].transformList(i, v, v + i)",
  "[10, 20, 30].transformList(i, v, i > 0, v * 2)",
  "{'a': 1, 'b': 2}.transformMap(k, v, v * 10)",
  "{'a': 1, 'b': 2}.transformMap(k, v, v > 1, k + '!')",
  "[5, 6].transformMap(i, v, v - i)",
  "{'a': 1}.transformMapEntry(k, v, {k + 'x': v})",
  "{'a': 1, 'b': 2}.transformMapEntry(k, v, {'same': v})",
  "([1, 2].all(i, v, v > 0))",
  "[[1, 2], [3]].all(i, v, v.all(j, w, w > i))",
  "{'a': {'x': 1}}.all(k, v, has(v.x))",
  "[1, 2].all(x, x > 0)",
  "[1, 2].existsOne(x, x > 1)",
  // url and semver
  "url('https://example.com:8080/a%20b/c?x=1&x=2&y=a+b').getQuery()",
  "url('https://example.com:8080/a%20b/c').getEscapedPath()",
  "url('https://example.com:8080/path').getPort()",
  "url('https://example.com/path').getPort()",
  "url('https://example.com:8080/path').getHost()",
  "url('https://[::1]:80/').getHostname()",
  "url('https://[::1]:80/').getHost()",
  "url('https://[::1]/').getPort()",
  "url('HTTPS://example.com').getScheme()",
  "url('/just/a/path').getScheme()",
  "url('/just/a/path').getHost()",
  "isURL('example.com')",
  "isURL('https://exa mple.com')",
  "isURL('https://example.com:abc/')",
  "isURL('mailto:someone@example.com')",
  "isURL('https://example.com/%zz')",
  "isURL('https://user:pw@example.com/x')",
  "url('https://user:pw@example.com/x').getHost()",
  "url('https://example.com/a#frag').getEscapedPath()",
  "url('https://example.com').getEscapedPath()",
  "url('https://example.com?a=1;b=2').getQuery()",
  "isURL('')",
  "isURL('http://')",
  "url('http://example.com/ä').getEscapedPath()",
  "semver('1.2.3').major()",
  "semver('1.2.3-alpha.1+build').minor()",
  "isSemver('v1.2.3')",
  "isSemver('1.2')",
  "isSemver('01.2.3')",
  "isSemver('1.2.3-01')",
  "isSemver('1.2.3-alpha..1')",
  "semver('1.2.3-alpha').isLessThan(semver('1.2.3'))",
  "semver('1.2.3-alpha.2').compareTo(semver('1.2.3-alpha.10'))",
  "semver('1.2.3-alpha').compareTo(semver('1.2.3-alpha.1'))",
  "semver('1.2.3-1').compareTo(semver('1.2.3-a'))",
  "semver('1.2.3+b1') == semver('1.2.3+b2')",
  "semver('2.0.0').isGreaterThan(semver('1.99.99'))",
  // ip and cidr
  "ip('10.0.0.1').family()",
  "ip('::1').isLoopback()",
  "ip('127.0.0.2').isLoopback()",
  "ip('fe80::1').isLinkLocalUnicast()",
  "ip('169.254.1.1').isLinkLocalUnicast()",
  "ip('224.0.0.1').isLinkLocalMulticast()",
  "ip('ff02::1').isLinkLocalMulticast()",
  "ip('10.0.0.1').isGlobalUnicast()",
  "ip('255.255.255.255').isGlobalUnicast()",
  "ip('0.0.0.0').isUnspecified()",
  "ip('::').isUnspecified()",
  "isIP('1.2.3.04')",
  "isIP('::ffff:1.2.3.4')",
  "isIP('fe80::1%eth0')",
  "isIP('1:2:3:4:5:6:7:8:9')",
  "isIP('1::2::3')",
  "isIP('::1.2.3.4')",
  "isIP('12345::')",
  "string(ip('2001:DB8:0:0:1:0:0:1'))",
  "string(ip('::1.2.3.4'))",
  "string(ip('1:0:0:2:0:0:0:3'))",
  "ip.isCanonical('2001:db8::1')",
  "ip.isCanonical('2001:DB8::1')",
  "ip('10.0.0.1') == ip('10.0.0.1')",
  "cidr('10.0.0.0/8').containsIP('10.1.2.3')",
  "cidr('10.0.0.0/8').containsIP(ip('11.1.2.3'))",
  "cidr('10.0.0.0/8').containsIP('::1')",
  "cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16')",
  "cidr('10.1.0.0/16').containsCIDR('10.0.0.0/8')",
  "string(cidr('10.1.2.3/8').masked())",
  "string(cidr('10.1.2.3/8').ip())",
  "cidr('2001:db8::/32').prefixLength()",
  "isCIDR('10.0.0.0/33')",
  "isCIDR('10.0.0.0/08')",
  "isCIDR('10.0.0.0')",
  "cidr('10.0.0.0/8') == cidr('10.0.0.0/8')",
  "isIP('')",
  "string(ip('::'))",
  "string(ip('1::'))",
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
    for (const expression of CONSTANT_EXPRESSIONS) cases.push({ expression, variables: {} });
    const reference = evaluateWithReference(cases);
    expect(reference).toHaveLength(cases.length);

    const mismatches: string[] = [];
    let bothErrors = 0;
    cases.forEach((c, i) => {
      const ref = reference[i];
      const compiled = compileCel(c.expression);
      const activation: Record<string, unknown> = {};
      for (const v of VAP_VARIABLES) activation[v] = null;
      activation.object = toCel(c.variables.object ?? null, { numbers: "double" });
      const ours = compiled.ok
        ? compiled.expression.evaluate(activation)
        : { ok: false as const, error: compiled.error };
      const oursCanonical = ours.ok ? JSON.stringify(canonical(ours.value)) : "error";
      const refCanonical = ref?.ok === true ? JSON.stringify(ref.value) : "error";
      if (oursCanonical === "error" && refCanonical === "error") bothErrors++;
      if (oursCanonical !== refCanonical) {
        mismatches.push(
          `${c.expression}\n    input:  ${JSON.stringify(strip(c.variables.object ?? null), (_k, x: unknown) => (typeof x === "bigint" ? `${x}n` : x))}\n    ours:   ${ours.ok ? oursCanonical : `error ${ours.error}`}\n    go:     ${ref?.ok === true ? refCanonical : `error ${ref?.error ?? "missing"}`}`,
        );
      }
    });
    console.log(
      `CEL differential: ${cases.length} comparisons (${bothErrors} errors on both sides), ${mismatches.length} mismatches`,
    );
    if (mismatches.length > 0) console.log(mismatches.slice(0, 15).join("\n"));
    expect(mismatches).toEqual([]);
    // The corpus must exercise values, not just agree on errors.
    expect(bothErrors).toBeLessThan(cases.length / 4);
  }, 600_000);
});
