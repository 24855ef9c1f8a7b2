import { describe, expect, it } from "vitest";
import { posix } from "node:path";
import { docsOf, renderProfile, type Doc } from "./render-support.js";

// The files for nodes (kubeadm configuration, the apiserver's audit policy, encryption and
// authentication configuration) are not API objects: test/e2e/render-server-dry-run.test.ts leaves
// them out of the server-side dry-run, so their kinds and required fields are checked here.

const auditLevels = ["None", "Metadata", "Request", "RequestResponse"];
const encryptingProviders = ["aescbc", "aesgcm", "secretbox", "kms"];

function one(docs: Doc[], apiVersion: string, kind: string): Record<string, unknown> {
  const found = docs.filter((d) => d.obj.apiVersion === apiVersion && d.obj.kind === kind);
  expect(
    found.map((d) => d.path),
    `${apiVersion} ${kind}`,
  ).toHaveLength(1);
  return found[0]?.obj ?? {};
}

type Rule = { level: string; resources?: { group?: string; resources?: string[] }[] };

for (const profile of ["SUP", "MBU", "ENT"] as const) {
  describe(`${profile}: control-plane files`, () => {
    const tree = renderProfile(profile);
    const docs = docsOf(tree).filter((d) => d.path.startsWith("bootstrap/"));

    it("audit Policy: audit.k8s.io/v1 with valid levels, Secrets never logged with their bodies", () => {
      const policy = one(docs, "audit.k8s.io/v1", "Policy") as { rules: Rule[]; omitStages?: string[] };
      expect(policy.rules.length).toBeGreaterThan(3);
      for (const r of policy.rules) expect(auditLevels, JSON.stringify(r)).toContain(r.level);
      // The first rule that names Secrets decides for them (rules match in order).
      const first = policy.rules.find((r) =>
        r.resources?.some((g) => (g.group ?? "") === "" && g.resources?.includes("secrets")),
      );
      expect(first?.level).toMatch(/^(None|Metadata)$/);
      // A catch-all at the end, so nothing goes unaudited by accident.
      const last = policy.rules.at(-1);
      expect(last?.resources).toBeUndefined();
      expect(last?.level).not.toBe("None");
      for (const s of policy.omitStages ?? [])
        expect(["RequestReceived", "ResponseStarted", "ResponseComplete", "Panic"]).toContain(s);
    });

    it("EncryptionConfiguration: Secrets written with an encrypting provider first, identity to read old data", () => {
      const enc = one(docs, "apiserver.config.k8s.io/v1", "EncryptionConfiguration") as {
        resources: { resources: string[]; providers: Record<string, unknown>[] }[];
      };
      const forSecrets = enc.resources.find((r) => r.resources.includes("secrets"));
      expect(forSecrets).toBeDefined();
      const providers = forSecrets?.providers ?? [];
      // Each provider entry names exactly one provider.
      for (const p of providers) expect(Object.keys(p)).toHaveLength(1);
      const firstName = Object.keys(providers[0] ?? {})[0] ?? "";
      expect(encryptingProviders).toContain(firstName);
      const keys = (providers[0]?.[firstName] as { keys: { name: string; secret: string }[] }).keys;
      expect(keys.length).toBeGreaterThan(0);
      for (const k of keys) {
        expect(k.name).toMatch(/^[a-z0-9-]+$/);
        expect(k.secret).toMatch(/^REPLACE-/); // never a real key in Git
      }
      expect(Object.keys(providers.at(-1) ?? {})).toEqual(["identity"]);
    });

    if (profile === "SUP") {
      it("kubeadm v1beta4: Init + ClusterConfiguration, list-style extraArgs, every referenced file rendered and mounted", () => {
        one(docs, "kubeadm.k8s.io/v1beta4", "InitConfiguration");
        const cc = one(docs, "kubeadm.k8s.io/v1beta4", "ClusterConfiguration") as {
          kubernetesVersion: string;
          controlPlaneEndpoint: string;
          apiServer: {
            extraArgs: { name: string; value: string }[];
            extraVolumes: { hostPath: string; mountPath: string }[];
          };
        };
        expect(cc.kubernetesVersion).toMatch(/^v1\.\d+\.\d+$/);
        expect(cc.controlPlaneEndpoint).toMatch(/^[a-z0-9.-]+:\d+$/);
        for (const a of cc.apiServer.extraArgs) {
          expect(Object.keys(a).sort()).toEqual(["name", "value"]);
          expect(typeof a.value).toBe("string");
        }
        const arg = (n: string) => cc.apiServer.extraArgs.find((a) => a.name === n)?.value ?? "";
        for (const flag of ["audit-policy-file", "encryption-provider-config"]) {
          const file = arg(flag);
          expect(file, flag).toMatch(/^\//);
          expect(tree.has(`bootstrap/control-plane/${posix.basename(file)}`), file).toBe(true);
          expect(cc.apiServer.extraVolumes.some((v) => v.mountPath === posix.dirname(file))).toBe(true);
        }
      });
    } else {
      it("AuthenticationConfiguration: JWT issuers over https with audiences and a username mapping", () => {
        const authn = one(docs, "apiserver.config.k8s.io/v1", "AuthenticationConfiguration") as {
          jwt: {
            issuer: { url: string; audiences: string[] };
            claimMappings: { username: { claim?: string; expression?: string; prefix?: string } };
          }[];
        };
        expect(authn.jwt.length).toBeGreaterThan(0);
        for (const j of authn.jwt) {
          expect(j.issuer.url).toMatch(/^https:\/\//);
          expect(j.issuer.audiences.length).toBeGreaterThan(0);
          const u = j.claimMappings.username;
          // Exactly one of claim or expression; a claim needs an explicit prefix.
          expect([u.claim, u.expression].filter((x) => x !== undefined)).toHaveLength(1);
          if (u.claim !== undefined) expect(u.prefix).toBeDefined();
        }
        // The Cluster API control plane passes it to the apiserver.
        expect(tree.get("bootstrap/cluster-api/control-plane.yaml")).toContain("authentication-config");
      });
    }
  });
}
