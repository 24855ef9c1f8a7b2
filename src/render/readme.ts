import type { Plan } from "../plan/types.js";
import type { InClusterComponent } from "./components.js";
import type { RenderOptions } from "./types.js";
import { encryptionKeyPlaceholder, controlPlaneDir } from "../guardrails/apiserver.js";
import { issuerPlaceholder, wantsAudit, ssoFor } from "./bootstrap/control-plane.js";
import { controlPlaneEndpoint, kubernetesPatch } from "./bootstrap/kubeadm.js";

function osNotes(plan: Plan): string[] {
  const os = plan.components.filter((c) => c.area === "os").map((c) => c.id);
  const lines = ["## Node operating system", ""];
  if (os.includes("flatcar")) {
    lines.push(
      "- **Flatcar Container Linux**: immutable, updates itself with A/B partitions. Put the files of",
      `  \`bootstrap/control-plane/\` into \`${controlPlaneDir}\` with Ignition (\`storage.files\`), let`,
      "  Kured or the Flatcar update operator drain nodes before reboots, and use the Flatcar images of your",
      "  infrastructure provider for Cluster API.",
    );
  }
  if (os.includes("ubuntu") || !os.includes("flatcar")) {
    lines.push(
      "- **Ubuntu LTS**: install containerd 2.x and the kubeadm/kubelet/kubectl packages of the pinned minor",
      "  from pkgs.k8s.io, hold them (`apt-mark hold`), keep cgroup v2 (the default), and enable unattended",
      "  security updates with a reboot window that drains the node first.",
    );
  }
  return [...lines, ""];
}

/** The output README: what is where, the placeholders to fill, and how to bootstrap. */
export function renderReadme(
  plan: Plan,
  components: readonly InClusterComponent[],
  options: RenderOptions,
  bootstrap: "kubeadm" | "cluster-api",
): string {
  const ep = controlPlaneEndpoint(plan);
  const sso = ssoFor(plan);
  const chartCell = (c: InClusterComponent): string => {
    if (c.kind !== "helm") return `manifests ${c.version}`;
    const of = (order: "before" | "after") =>
      c.companions.filter((k) => k.order === order).map((k) => `${k.chart} ${k.version}`);
    const before = of("before");
    const after = of("after");
    return [
      ...(before.length ? [`${before.join(", ")}, then`] : []),
      `${c.chart} ${c.version}`,
      ...(after.length ? [`, then ${after.join(", ")}`] : []),
    ]
      .join(" ")
      .replace(" ,", ",");
  };
  const rows = components.map(
    (c) => `| ${c.planned.wave} | ${c.id} | ${c.namespace} | ${chartCell(c)} | ${c.runtime.podSecurity} |`,
  );
  const lines = [
    `# Platform ${plan.platform}`,
    "",
    `Rendered by Bespoke for ${plan.targetGroup}, Kubernetes ${plan.facts.kubernetesVersion}, GitOps with ${options.gitops === "argocd" ? "Argo CD" : "Flux"}.`,
    "Do not edit the files listed in `.bespoke/manifest.json`: re-render instead (`bespoke render`), it refuses to",
    "overwrite a file edited by hand unless `--force` is given. Add your own files next to them freely.",
    "",
    "## Layout",
    "",
    "| path | what |",
    "|---|---|",
    "| `bootstrap/` | how the cluster itself is created (" +
      (bootstrap === "kubeadm" ? "kubeadm configuration" : "Cluster API manifests") +
      ") and the control-plane files |",
    "| `guardrails/` | Namespaces with Pod Security labels, default-deny NetworkPolicies, RBAC, policies (one Kustomize build) |",
    "| `guardrails/team-template/` | a team namespace with quota, limits and bindings: copy it per team |",
    options.gitops === "argocd"
      ? "| `argocd/` | `root-app.yaml` (apply once) and `apps/`: AppProjects and one Application per component |"
      : "| `flux/` | Flux Kustomizations with dependsOn, and per component a chart source and HelmRelease |",
    "| `components/` | kustomizations for components installed from release manifests |",
    "",
    "## Components",
    "",
    ...(options.gitops === "argocd"
      ? [
          "Argo CD sync wave of a component: 10 × wave + 5; its companion charts take the waves just before",
          "(10 × wave + 1…4) or after it (10 × wave + 6…9), so each component's charts install in order.",
          "",
        ]
      : [
          "Companion charts are HelmReleases next to the main one, each depending on the chart installed before it.",
          "",
        ]),
    "| wave | component | namespace | chart(s), in install order | pod security |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    "## Fill in before bootstrapping",
    "",
    `- The Git repository URL \`${options.repoUrl}\` (render with \`--repo-url\` to set it).`,
    `- The API endpoint \`${ep.host}:${ep.port}\` (a VIP or load balancer in front of the control plane).`,
    `- The Kubernetes patch release: \`${kubernetesPatch(plan)}\` is the floor; set the newest patch of ${plan.facts.kubernetesVersion}.`,
    "- Every value starting with `REPLACE-` in `bootstrap/`.",
    `- The encryption key: \`${encryptionKeyPlaceholder}\` in \`bootstrap/control-plane/encryption-config.yaml\` is`,
    "  a placeholder. Generate a key on a control-plane node (`head -c 32 /dev/urandom | base64`), write the file with",
    `  the key to \`${controlPlaneDir}/encryption-config.yaml\` (mode 0600) there, and never commit the key.`,
    ...(bootstrap === "cluster-api"
      ? [
          `  With Cluster API, create the Secret \`${plan.platform}-encryption-config\` (key \`encryption-config.yaml\`)`,
          "  in the management cluster before applying `bootstrap/cluster-api/`.",
        ]
      : []),
    ...(sso
      ? [
          `- SSO: the apiserver trusts tokens from \`${sso.issuerUrl}\`${sso.issuerUrl === issuerPlaceholder ? " (placeholder: set `identity.issuerUrl` in platform.yaml and re-render)" : ""} with audience \`${sso.audience}\`;`,
          "  users and groups arrive prefixed with `oidc:`, which the RBAC bindings in `guardrails/rbac/` expect.",
        ]
      : ["- No identity provider: bind the platform roles to your own groups or users."]),
    "",
    "## Bootstrap",
    "",
    ...(bootstrap === "kubeadm"
      ? [
          `1. Copy \`bootstrap/control-plane/*\` to \`${controlPlaneDir}/\` on every control-plane node (fill the key first).`,
          "2. `kubeadm init --config bootstrap/kubeadm/kubeadm-config.yaml --upload-certs` on the first control-plane node.",
        ]
      : [
          "1. Create a management cluster and `clusterctl init` with the infrastructure provider of this plan.",
          `2. Create the Secrets the manifests reference (credentials, \`${plan.platform}-encryption-config\`), then`,
          "   `kubectl apply -k bootstrap/cluster-api` and wait for the control plane; `clusterctl move` makes the",
          "   cluster manage itself afterwards.",
        ]),
    ...(options.gitops === "argocd"
      ? [
          "3. Install the CNI and Argo CD once with Helm using the chart versions above, then",
          "   `kubectl apply -f argocd/root-app.yaml`: Argo CD takes over everything, itself included, wave by wave.",
        ]
      : [
          "3. `flux bootstrap git` against this repository, then add `./flux` to the flux-system Kustomization:",
          "   Flux installs the guardrails first and each component after the ones it depends on.",
        ]),
    "",
    ...(wantsAudit(plan)
      ? [
          "The apiserver writes its audit log to `/var/log/kubernetes/audit/` on the control-plane nodes; ship it off the node.",
          "",
        ]
      : []),
    "NetworkPolicies are not rendered for `kube-system`: the cluster's own components live there unfenced.",
    "",
    ...osNotes(plan),
  ];
  return lines.join("\n");
}
