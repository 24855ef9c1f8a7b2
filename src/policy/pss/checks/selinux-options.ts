import type { CheckImpl, Offender, PssCheck } from "../model.js";
import { asRecord, asString } from "../pod-view.js";
import type { JsonRecord } from "../pod-view.js";
import { joinQuote, pluralize, settersPhrase, sortedSet } from "../wording.js";
import { pssRule } from "../variants.js";

const typesSince: readonly [number, readonly string[]][] = [
  [0, ["", "container_t", "container_init_t", "container_kvm_t"]],
  [31, ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]],
];

/** Values are tagged: "type:<t>" for a forbidden type, "user" and "role" when those are set. */
function problems(sc: JsonRecord | undefined, allowed: ReadonlySet<string>): string[] {
  const opts = asRecord(sc?.["seLinuxOptions"]);
  if (!opts) return [];
  const found: string[] = [];
  const type = asString(opts["type"]);
  if (!allowed.has(type)) found.push(`type:${type}`);
  if (asString(opts["user"]) !== "") found.push("user");
  if (asString(opts["role"]) !== "") found.push("role");
  return found;
}

const field = ["securityContext", "seLinuxOptions"];

function allowingTypes(allowed: ReadonlySet<string>): CheckImpl {
  return {
    collect: (pod) => {
      const found: Offender[] = [];
      const podProblems = problems(pod.securityContext, allowed);
      if (podProblems.length > 0) {
        found.push({ path: ["spec", ...field], kind: "pod", values: podProblems });
      }
      for (const c of pod.containers) {
        const values = problems(c.securityContext, allowed);
        if (values.length > 0) {
          found.push({ container: c.name, path: [...c.path, ...field], kind: "container", values });
        }
      }
      return found;
    },
    describe: (offenders) => {
      const values = offenders.flatMap((o) => o.values);
      const types = sortedSet(values.filter((v) => v.startsWith("type:")).map((v) => v.slice(5)));
      const data: string[] = [];
      if (types.length > 0) data.push(`${pluralize("type", "types", types.length)} ${joinQuote(types)}`);
      if (values.includes("user")) data.push("user may not be set");
      if (values.includes("role")) data.push("role may not be set");
      return {
        reason: "seLinuxOptions",
        detail: `${settersPhrase(offenders)} set forbidden securityContext.seLinuxOptions: ${data.join("; ")}`,
      };
    },
  };
}

export const seLinuxOptions: PssCheck = {
  upstreamId: "seLinuxOptions",
  level: "baseline",
  meta: pssRule("baseline", "selinux-options", {
    title: "Pods must not set a custom SELinux user or role, or an unusual SELinux type",
    why: "Custom SELinux labels can lift the confinement that container_t gives a process.",
    fix: "Remove seLinuxOptions.user and .role; leave .type empty or use a container_* type.",
  }),
  versions: typesSince.map(([since, types]) => ({ since, impl: allowingTypes(new Set(types)) })),
};
