import type { CliContext } from "./context.js";
import type { InitAnswers } from "../spec/template.js";
import { groupDefaults } from "../spec/facts.js";

/** Interactive part of `init`: a few questions, each with the profile's default on Enter. */
export async function askInitQuestions(
  ctx: CliContext,
  profile: "SUP" | "MBU" | "ENT",
): Promise<InitAnswers> {
  const d = groupDefaults[profile];
  const ask = async <T extends string>(q: string, allowed: readonly T[], def: T): Promise<T> => {
    for (;;) {
      const a = (await ctx.ask(`${q} [${allowed.join("/")}] (${def}): `)).trim();
      if (a === "") return def;
      if ((allowed as readonly string[]).includes(a)) return a as T;
      ctx.stdout(`  please answer one of: ${allowed.join(", ")}\n`);
    }
  };
  const name = (await ctx.ask(`Platform name (example-${profile.toLowerCase()}): `)).trim();
  const provisioning = await ask(
    "How are nodes provisioned?",
    ["api", "bare-metal"] as const,
    d.provisioning,
  );
  const provider =
    provisioning === "api"
      ? await ask(
          "Which API?",
          ["vsphere", "openstack", "metal3"] as const,
          d.infrastructureProvider === "none" ? "vsphere" : d.infrastructureProvider,
        )
      : ("none" as const);
  const stateful =
    (await ask("Stateful workloads?", ["yes", "no"] as const, d.statefulWorkloads ? "yes" : "no")) === "yes";
  const identityProvider = await ask(
    "Existing identity provider?",
    ["none", "ldap", "active-directory", "oidc", "saml"] as const,
    d.identityProvider,
  );
  const gitops = await ask("GitOps engine?", ["argocd", "flux"] as const, d.gitops);
  return {
    ...(name && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name) ? { name } : {}),
    provisioning,
    provider,
    stateful,
    identityProvider,
    gitops,
  };
}
