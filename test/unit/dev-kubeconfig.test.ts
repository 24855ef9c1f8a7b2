import { KubeConfig } from "@kubernetes/client-node";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderKubeconfig, renderTokenFile } from "../../src/dev/kubeconfig.js";

const caPem = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";

describe("renderKubeconfig", () => {
  it("is read by @kubernetes/client-node as the server, CA and token it was given", () => {
    const kc = new KubeConfig();
    kc.loadFromString(
      renderKubeconfig({ server: "https://127.0.0.1:41234", caPem, user: "bespoke-admin", token: "abc" }),
    );
    expect(kc.getCurrentCluster()?.server).toBe("https://127.0.0.1:41234");
    expect(Buffer.from(kc.getCurrentCluster()?.caData ?? "", "base64").toString()).toBe(caPem);
    expect(kc.getCurrentUser()?.token).toBe("abc");
    expect(kc.getCurrentUser()?.name).toBe("bespoke-admin");
  });

  it("is byte-identical for the same input", () => {
    const i = { server: "https://127.0.0.1:1", caPem, user: "u", token: "t" };
    expect(renderKubeconfig(i)).toBe(renderKubeconfig(i));
  });
});

describe("renderTokenFile", () => {
  it("writes groups quoted and omits an empty group column", () => {
    expect(
      renderTokenFile([
        { token: "t1", user: "admin", groups: ["system:masters", "other"] },
        { token: "t2", user: "system:kube-controller-manager", groups: [] },
      ]),
    ).toBe(
      't1,admin,admin,"system:masters,other"\nt2,system:kube-controller-manager,system:kube-controller-manager\n',
    );
  });

  it("one line per token (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            token: fc.stringMatching(/^[0-9a-f]{1,20}$/),
            user: fc.constantFrom("a", "b:c"),
            groups: fc.array(fc.constantFrom("g1", "g2")),
          }),
        ),
        (tokens) => {
          const lines = renderTokenFile(tokens).split("\n").filter(Boolean);
          expect(lines).toHaveLength(tokens.length);
          tokens.forEach((t, i) => expect(lines[i]?.startsWith(`${t.token},`)).toBe(true));
        },
      ),
    );
  });
});
