import { describe, expect, it } from "vitest";
import {
  compilePolicySet,
  type NamedRuleWithOperations,
  type ValidatingAdmissionPolicy,
  type ValidatingAdmissionPolicyBinding,
} from "../../src/policy/vap/index.js";

const deployRule: NamedRuleWithOperations = {
  apiGroups: ["apps"],
  apiVersions: ["v1"],
  resources: ["deployments"],
  operations: ["CREATE", "UPDATE"],
};

function policy(
  spec: Partial<ValidatingAdmissionPolicy["spec"]>,
  name = "replicas",
): ValidatingAdmissionPolicy {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: { name },
    spec: { matchConstraints: { resourceRules: [deployRule] }, ...spec },
  };
}

function binding(
  spec: Partial<ValidatingAdmissionPolicyBinding["spec"]> = {},
  name = "replicas-binding",
  policyName = "replicas",
): ValidatingAdmissionPolicyBinding {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: { name },
    spec: { policyName, validationActions: ["Deny"], ...spec },
  };
}

const deployment = (replicas: number, labels: Record<string, string> = {}) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "shop", labels },
  spec: { replicas },
});

describe("VAP engine", () => {
  const set = compilePolicySet({
    policies: [
      policy({ validations: [{ expression: "object.spec.replicas <= 5", message: "too many replicas" }] }),
    ],
    bindings: [binding()],
  });

  it("denies with the apiserver's message format", () => {
    const v = set.admit({ object: deployment(10) });
    expect(v.allowed).toBe(false);
    expect(v.denials).toHaveLength(1);
    expect(v.denials[0]?.message).toBe(
      "ValidatingAdmissionPolicy 'replicas' with binding 'replicas-binding' denied request: too many replicas",
    );
    expect(v.denials[0]?.reason).toBe("Invalid");
  });

  it("allows objects that pass, and ignores kinds the rules do not match", () => {
    expect(set.admit({ object: deployment(3) }).allowed).toBe(true);
    expect(
      set.admit({ object: { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: {} } }).allowed,
    ).toBe(true);
  });

  it("uses messageExpression, falling back to message and then to the expression", () => {
    const s = compilePolicySet({
      policies: [
        policy({
          validations: [
            {
              expression: "object.spec.replicas <= 5",
              messageExpression: "'got ' + string(object.spec.replicas)",
            },
            { expression: "object.spec.replicas <= 6", messageExpression: "''", message: "static" },
            { expression: "object.spec.replicas <= 7 ", reason: "Forbidden" },
          ],
        }),
      ],
      bindings: [binding()],
    });
    const v = s.admit({ object: deployment(10) });
    expect(v.denials.map((d) => d.validationMessage)).toEqual([
      "got 10",
      "static",
      "failed expression: object.spec.replicas <= 7",
    ]);
    expect(v.denials[2]?.reason).toBe("Forbidden");
  });

  it("applies failurePolicy to evaluation errors", () => {
    const failing = (failurePolicy: "Fail" | "Ignore") =>
      compilePolicySet({
        policies: [policy({ failurePolicy, validations: [{ expression: "object.spec.missing > 1" }] })],
        bindings: [binding()],
      }).admit({ object: deployment(1) });
    expect(failing("Fail").allowed).toBe(false);
    expect(failing("Fail").errors).toHaveLength(1);
    expect(failing("Ignore").allowed).toBe(true);
    expect(failing("Ignore").errors).toHaveLength(1);
  });

  it("skips the policy when a matchCondition is false", () => {
    const s = compilePolicySet({
      policies: [
        policy({
          matchConditions: [{ name: "not-system", expression: "object.metadata.namespace != 'shop'" }],
          validations: [{ expression: "false" }],
        }),
      ],
      bindings: [binding()],
    });
    expect(s.admit({ object: deployment(1) }).allowed).toBe(true);
  });

  it("evaluates variables lazily and once", () => {
    const s = compilePolicySet({
      policies: [
        policy({
          variables: [
            { name: "boom", expression: "object.spec.nothing" },
            { name: "r", expression: "object.spec.replicas" },
          ],
          validations: [{ expression: "variables.r < 3 || variables.r == 4" }],
        }),
      ],
      bindings: [binding()],
    });
    expect(s.admit({ object: deployment(4) }).allowed).toBe(true);
    expect(s.admit({ object: deployment(5) }).allowed).toBe(false);
  });

  it("resolves params by name and honours parameterNotFoundAction", () => {
    const pol = policy({
      paramKind: { apiVersion: "v1", kind: "ConfigMap" },
      validations: [{ expression: "object.spec.replicas <= int(params.data.max)" }],
    });
    const cm = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "limits", namespace: "shop" },
      data: { max: "3" },
    };
    const byName = compilePolicySet({
      policies: [pol],
      bindings: [binding({ paramRef: { name: "limits" } })],
      params: [cm],
    });
    expect(byName.admit({ object: deployment(2) }).allowed).toBe(true);
    expect(byName.admit({ object: deployment(4) }).allowed).toBe(false);
    const missingAllow = compilePolicySet({
      policies: [pol],
      bindings: [binding({ paramRef: { name: "nope", parameterNotFoundAction: "Allow" } })],
      params: [cm],
    });
    expect(missingAllow.admit({ object: deployment(4) }).allowed).toBe(true);
    const missingDeny = compilePolicySet({
      policies: [pol],
      bindings: [binding({ paramRef: { name: "nope", parameterNotFoundAction: "Deny" } })],
      params: [cm],
    });
    expect(missingDeny.admit({ object: deployment(1) }).allowed).toBe(false);
  });

  it("shares a variable definition across policies and params only where its value cannot differ", () => {
    // Same variable text in three policies: two with different params, one without. `limit` reads
    // params (one value per param), `r` does not (one value per request); each policy must still
    // see its own param's value.
    const cm = (name: string, max: string) => ({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name, namespace: "shop" },
      data: { max },
    });
    const vars = [
      { name: "r", expression: "object.spec.replicas" },
      { name: "limit", expression: "int(params.data.max)" },
    ];
    const withParams = (name: string) =>
      policy(
        {
          paramKind: { apiVersion: "v1", kind: "ConfigMap" },
          variables: vars,
          validations: [
            {
              expression: "variables.r <= variables.limit",
              messageExpression: "'over ' + string(variables.limit)",
            },
          ],
        },
        name,
      );
    const s = compilePolicySet({
      policies: [
        withParams("low"),
        withParams("high"),
        policy(
          {
            variables: [vars[0] as (typeof vars)[0]],
            validations: [{ expression: "variables.r != 7", message: "seven" }],
          },
          "plain",
        ),
      ],
      bindings: [
        binding({ paramRef: { name: "low-max" } }, "low", "low"),
        binding({ paramRef: { name: "high-max" } }, "high", "high"),
        binding({}, "plain", "plain"),
      ],
      params: [cm("low-max", "3"), cm("high-max", "6")],
    });
    const denied = (replicas: number) =>
      s.admit({ object: deployment(replicas) }).denials.map((d) => `${d.policy}: ${d.validationMessage}`);
    expect(denied(2)).toEqual([]);
    expect(denied(4)).toEqual(["low: over 3"]);
    expect(denied(7)).toEqual(["high: over 6", "low: over 3", "plain: seven"]);
  });

  it("matches namespaceSelector and objectSelector, and Warn does not deny", () => {
    const s = compilePolicySet({
      policies: [policy({ validations: [{ expression: "false", message: "no" }] })],
      bindings: [
        binding({
          validationActions: ["Warn"],
          matchResources: { namespaceSelector: { matchLabels: { "bespoke.dev/policy": "warn" } } },
        }),
      ],
    });
    const ns = (label: string) => ({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "shop", labels: { "bespoke.dev/policy": label } },
    });
    const warned = s.admit({ object: deployment(1), namespaceObject: ns("warn") });
    expect(warned.allowed).toBe(true);
    expect(warned.warnings).toEqual([
      "Validation failed for ValidatingAdmissionPolicy 'replicas' with binding 'replicas-binding': no",
    ]);
    expect(s.admit({ object: deployment(1), namespaceObject: ns("enforce") }).warnings).toEqual([]);
  });

  it("reports expressions that do not compile", () => {
    const s = compilePolicySet({
      policies: [policy({ validations: [{ expression: "object.spec.replicas <" }] })],
      bindings: [binding()],
    });
    expect(s.compileErrors).toHaveLength(1);
    expect(s.admit({ object: deployment(1) }).allowed).toBe(false);
  });
});

describe("auditAnnotations option", () => {
  const input = {
    policies: [
      policy({
        validations: [{ expression: "object.spec.replicas <= 5", message: "too many replicas" }],
        auditAnnotations: [{ key: "replicas", valueExpression: "string(object.spec.replicas)" }],
      }),
    ],
    bindings: [binding({ validationActions: ["Audit"] })],
  };

  it("always (the apiserver's behaviour) records annotations of passing and failing requests", () => {
    const set = compilePolicySet(input);
    expect(set.admit({ object: deployment(3) }).auditAnnotations).toEqual([
      { key: "replicas/replicas", value: "3" },
    ]);
    expect(set.admit({ object: deployment(9) }).auditAnnotations).toEqual([
      { key: "replicas/replicas", value: "9" },
    ]);
  });

  it("whenFailed skips them only when every validation passed", () => {
    const set = compilePolicySet({ ...input, auditAnnotations: "whenFailed" });
    expect(set.admit({ object: deployment(3) }).auditAnnotations).toEqual([]);
    expect(set.admit({ object: deployment(9) }).auditAnnotations).toEqual([
      { key: "replicas/replicas", value: "9" },
    ]);
    expect(set.admit({ object: deployment(9) }).allowed).toBe(true);
  });
});

describe("runtime cost", () => {
  // Costs (see cost.ts): the variable ≈ 816k units (450² comparisons), each validation ≈ 240k of
  // its own (200² sums). The variable is evaluated inside validations[0] with a meter of its own
  // and charged to the policy's 10M budget once, so the budget runs out at validations[37]; if
  // its cost were also counted in the reading expression, validations[0] alone would pass the
  // 1M per-expression limit.
  const set = compilePolicySet({
    policies: [
      policy({
        variables: [
          {
            name: "pairs",
            expression: "object.spec.items.map(x, object.spec.items.filter(y, y < x).size())",
          },
        ],
        validations: Array.from({ length: 45 }, (_, i) => ({
          expression: `size(variables.pairs) > ${i} && object.spec.small.all(x, object.spec.small.all(y, x + y >= 0))`,
        })),
      }),
    ],
    bindings: [binding()],
  });

  it("charges a lazily evaluated variable to the policy's budget, not to the expression reading it", () => {
    const object = {
      ...deployment(1),
      spec: {
        items: Array.from({ length: 450 }, (_, i) => i),
        small: Array.from({ length: 200 }, (_, i) => i),
      },
    };
    expect(set.admit({ object }).errors.map((e) => `${e.where}: ${e.message}`)).toEqual([
      "validations[37].expression: validation failed due to running out of cost budget, no further validation rules will be run",
    ]);
  });
});
