import { describe, expect, it } from "vitest";
import {
  compilePolicySet,
  resourceOf,
  selectorMatches,
  type KubeObject,
  type MatchResources,
  type ValidatingAdmissionPolicy,
  type ValidatingAdmissionPolicyBinding,
} from "../../src/policy/vap/index.js";

const deny = (
  name: string,
  match: MatchResources,
  extra: Partial<ValidatingAdmissionPolicy["spec"]> = {},
): ValidatingAdmissionPolicy => ({
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "ValidatingAdmissionPolicy",
  metadata: { name },
  spec: {
    matchConstraints: match,
    validations: [{ expression: "false", message: `${name} says no` }],
    ...extra,
  },
});

const bind = (
  policyName: string,
  spec: Partial<ValidatingAdmissionPolicyBinding["spec"]> = {},
): ValidatingAdmissionPolicyBinding => ({
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "ValidatingAdmissionPolicyBinding",
  metadata: { name: `${policyName}-binding` },
  spec: { policyName, validationActions: ["Deny"], ...spec },
});

const allRules = {
  resourceRules: [{ apiGroups: ["*"], apiVersions: ["*"], resources: ["*"], operations: ["*" as const] }],
};
const pod = (name: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "team-a", labels },
  spec: {},
});

describe("VAP matching", () => {
  it("maps kinds to resources for built-ins and plural-defaults custom kinds", () => {
    expect(resourceOf({ group: "apps", version: "v1", kind: "Deployment" }).resource).toBe("deployments");
    expect(resourceOf({ group: "networking.k8s.io", version: "v1", kind: "Ingress" }).resource).toBe(
      "ingresses",
    );
    expect(resourceOf({ group: "example.com", version: "v1", kind: "Policy" }).resource).toBe("policies");
    expect(resourceOf({ group: "example.com", version: "v1", kind: "Box" }).resource).toBe("boxes");
  });

  it("label selectors: matchLabels and every operator", () => {
    const labels = { app: "web", tier: "front" };
    expect(selectorMatches({}, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: "web" } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: "db" } }, labels)).toBe(false);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: "tier", operator: "In", values: ["front", "back"] }] },
        labels,
      ),
    ).toBe(true);
    expect(
      selectorMatches({ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["front"] }] }, labels),
    ).toBe(false);
    expect(
      selectorMatches({ matchExpressions: [{ key: "x", operator: "NotIn", values: ["front"] }] }, labels),
    ).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "app", operator: "Exists" }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }, labels)).toBe(
      false,
    );
  });

  it("excludeResourceRules, resourceNames and operations", () => {
    const set = compilePolicySet({
      policies: [
        deny("not-kube-system", {
          ...allRules,
          excludeResourceRules: [
            {
              apiGroups: [""],
              apiVersions: ["v1"],
              resources: ["pods"],
              operations: ["*"],
              resourceNames: ["skip-me"],
            },
          ],
        }),
        deny("only-delete", {
          resourceRules: [
            { apiGroups: [""], apiVersions: ["v1"], resources: ["pods"], operations: ["DELETE"] },
          ],
        }),
      ],
      bindings: [bind("not-kube-system"), bind("only-delete")],
    });
    expect(set.admit({ object: pod("skip-me") }).denials).toEqual([]);
    expect(set.admit({ object: pod("other") }).denials.map((d) => d.policy)).toEqual(["not-kube-system"]);
    const del = set.admit({ oldObject: pod("other") });
    expect(del.denials.map((d) => d.policy).sort()).toEqual(["not-kube-system", "only-delete"]);
  });

  it("objectSelector matches object or oldObject labels", () => {
    const set = compilePolicySet({
      policies: [deny("labelled", { ...allRules, objectSelector: { matchLabels: { guard: "on" } } })],
      bindings: [bind("labelled")],
    });
    expect(set.admit({ object: pod("a", { guard: "on" }) }).allowed).toBe(false);
    expect(set.admit({ object: pod("a") }).allowed).toBe(true);
    expect(
      set.admit({ operation: "UPDATE", object: pod("a"), oldObject: pod("a", { guard: "on" }) }).allowed,
    ).toBe(false);
  });

  it("policies sharing a selector text, and the same policies over several requests", () => {
    // Selector verdicts are shared within a request and resource-rule verdicts across requests.
    const selector = { matchExpressions: [{ key: "guard", operator: "DoesNotExist" as const }] };
    const set = compilePolicySet({
      policies: [
        deny("a", { ...allRules, objectSelector: selector }),
        deny("b", { ...allRules, objectSelector: { ...selector }, namespaceSelector: selector }),
        deny("c", {
          resourceRules: [
            { apiGroups: [""], apiVersions: ["v1"], resources: ["pods"], operations: ["CREATE"] },
          ],
        }),
      ],
      bindings: [bind("a"), bind("b"), bind("c")],
    });
    const evaluated = (object: KubeObject, ns: Record<string, string> = {}): string[] =>
      set
        .admit({
          object,
          namespaceObject: { apiVersion: "v1", kind: "Namespace", metadata: { name: "d", labels: ns } },
        })
        .evaluated.map((e) => e.policy);
    expect(evaluated(pod("x"))).toEqual(["a", "b", "c"]);
    expect(evaluated(pod("x", { guard: "1" }))).toEqual(["c"]);
    expect(evaluated(pod("x"), { guard: "1" })).toEqual(["a", "c"]);
    const cm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x", namespace: "d" } };
    expect(evaluated(cm)).toEqual(["a", "b"]);
    expect(evaluated(pod("y"))).toEqual(["a", "b", "c"]);
  });

  it("a Namespace is matched by its own labels under namespaceSelector", () => {
    const set = compilePolicySet({
      policies: [
        deny("ns", { ...allRules, namespaceSelector: { matchLabels: { "bespoke.dev/policy": "enforce" } } }),
      ],
      bindings: [bind("ns")],
    });
    const ns = (labels: Record<string, string>): KubeObject => ({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "x", labels },
    });
    expect(set.admit({ object: ns({ "bespoke.dev/policy": "enforce" }) }).allowed).toBe(false);
    expect(set.admit({ object: ns({}) }).allowed).toBe(true);
  });

  it("params by selector: each matching param is evaluated, any failure denies", () => {
    const policy = deny("limits", allRules, {
      paramKind: { apiVersion: "v1", kind: "ConfigMap" },
      validations: [
        {
          expression: "object.metadata.name != params.data.forbidden",
          messageExpression: "'name ' + params.data.forbidden + ' is forbidden'",
        },
      ],
    });
    const cm = (name: string, forbidden: string): KubeObject => ({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name, namespace: "team-a", labels: { role: "limits" } },
      data: { forbidden },
    });
    const set = compilePolicySet({
      policies: [policy],
      bindings: [
        bind("limits", {
          paramRef: { selector: { matchLabels: { role: "limits" } }, parameterNotFoundAction: "Allow" },
        }),
      ],
      params: [
        cm("one", "a"),
        cm("two", "b"),
        {
          ...cm("elsewhere", "c"),
          metadata: { name: "elsewhere", namespace: "other", labels: { role: "limits" } },
        },
      ],
    });
    expect(set.admit({ object: pod("b") }).denials.map((d) => d.validationMessage)).toEqual([
      "name b is forbidden",
    ]);
    expect(set.admit({ object: pod("c") }).allowed).toBe(true);
  });

  it("Audit collects failures and auditAnnotations without denying; request is visible to CEL", () => {
    const set = compilePolicySet({
      policies: [
        deny("audited", allRules, {
          validations: [{ expression: "request.operation != 'CREATE'", message: "creates are audited" }],
          auditAnnotations: [
            { key: "who", valueExpression: "request.userInfo.username + ' ' + request.resource.resource" },
          ],
        }),
      ],
      bindings: [bind("audited", { validationActions: ["Audit"] })],
    });
    const v = set.admit({ object: pod("a"), userInfo: { username: "alice" } });
    expect(v.allowed).toBe(true);
    expect(v.audit.map((d) => d.validationMessage)).toEqual(["creates are audited"]);
    expect(v.auditAnnotations).toEqual([{ key: "audited/who", value: "alice pods" }]);
  });

  it("stops a policy that runs out of cost budget, as an error under failurePolicy", () => {
    const heavy = "object.spec.items.all(x, object.spec.items.all(y, x + y >= 0))";
    const set = compilePolicySet({
      policies: [deny("heavy", allRules, { validations: [{ expression: heavy }], failurePolicy: "Fail" })],
      bindings: [bind("heavy")],
    });
    const big = { ...pod("a"), spec: { items: Array.from({ length: 1500 }, (_, i) => i) } };
    const v = set.admit({ object: big });
    expect(v.allowed).toBe(false);
    expect(v.errors[0]?.message).toContain("cost budget");
    expect(set.admit({ object: { ...pod("a"), spec: { items: [1, 2, 3] } } }).allowed).toBe(true);
  });
});

describe("failurePolicy and validationActions together", () => {
  it("an evaluation error under Fail only warns when the binding only warns", () => {
    const set = compilePolicySet({
      policies: [deny("broken", allRules, { validations: [{ expression: "object.spec.missing == 1" }] })],
      bindings: [bind("broken", { validationActions: ["Warn"] })],
    });
    const v = set.admit({ object: pod("a") });
    expect(v.allowed).toBe(true);
    expect(v.warnings).toHaveLength(1);
    expect(v.warnings[0]).toContain("resulted in error");
  });

  it("reports the first denial as the apiserver's message", () => {
    const set = compilePolicySet({
      policies: [deny("a-first", allRules), deny("b-second", allRules)],
      bindings: [bind("a-first"), bind("b-second")],
    });
    const v = set.admit({ object: pod("x") });
    expect(v.denials).toHaveLength(2);
    expect(v.message).toBe(
      "ValidatingAdmissionPolicy 'a-first' with binding 'a-first-binding' denied request: a-first says no",
    );
  });
});
