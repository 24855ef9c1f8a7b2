/** Renders the admin kubeconfig. Pure: the CA and token are passed in. */
import { stringify } from "yaml";

export interface KubeconfigInput {
  readonly server: string;
  readonly caPem: string;
  readonly user: string;
  readonly token: string;
  readonly name?: string;
}

export function renderKubeconfig(i: KubeconfigInput): string {
  const name = i.name ?? "bespoke-dev";
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name,
        cluster: { server: i.server, "certificate-authority-data": Buffer.from(i.caPem).toString("base64") },
      },
    ],
    users: [{ name: i.user, user: { token: i.token } }],
    contexts: [{ name, context: { cluster: name, user: i.user } }],
    "current-context": name,
  });
}

/** Static token file of kube-apiserver: token,user,uid,"group1,group2". */
export interface StaticToken {
  readonly token: string;
  readonly user: string;
  readonly groups: readonly string[];
}

export function renderTokenFile(tokens: readonly StaticToken[]): string {
  // An empty groups column would read as one group named "", so it is left out instead.
  return tokens
    .map((t) => `${t.token},${t.user},${t.user}${t.groups.length > 0 ? `,"${t.groups.join(",")}"` : ""}\n`)
    .join("");
}
