import type { RuleMeta } from "../../report/index.js";

/**
 * Every rule of `image lint` and `image inspect`. A rule that means the same thing in a Dockerfile
 * and in a built image has one id, so a suppression, a severity override or a dashboard works for both.
 * `tags` say where a rule applies: "dockerfile", "image" or both.
 */
const both = ["dockerfile", "image"] as const;
const df = ["dockerfile"] as const;
const img = ["image"] as const;

export const imageRules: readonly RuleMeta[] = [
  {
    id: "add-instead-of-copy",
    severity: "warning",
    title: "Use COPY unless ADD's archive extraction is needed",
    why: "ADD of a URL downloads at build time without a checksum and keeps no cache control; ADD of a plain file hides that it could auto-extract. COPY says exactly what happens.",
    fix: "Use COPY for local files; download in a builder stage (and verify a checksum) or use `ADD --checksum=sha256:…` for remote files.",
    tags: df,
  },
  {
    id: "bad-suppression",
    severity: "error",
    title: "A bespoke-ignore comment needs a known rule id and a reason",
    why: "Suppressions without a reason cannot be reviewed, and a misspelt rule id silently suppresses nothing.",
    fix: "Write `# bespoke-ignore RULE-ID reason why this is fine here` on the line before the instruction.",
    tags: df,
  },
  {
    id: "base-alpine",
    severity: "warning",
    title: "Alpine base image in the final stage",
    why: "Alpine uses musl libc (different DNS resolution, no `search`/`ndots` behaviour some clusters rely on, slower or incompatible prebuilt wheels and binaries) and ships busybox with a shell and wget.",
    fix: "Prefer a Debian slim, UBI minimal, distroless or scratch base; keep Alpine only where you have tested DNS and libc behaviour.",
    tags: df,
  },
  {
    id: "base-full-distro",
    severity: "warning",
    title: "Full distribution image where a slim or distroless variant exists",
    why: "Full images carry compilers, documentation and tools the service never runs: more CVEs to patch and more for an attacker to use.",
    fix: "Use the slim/minimal/JRE variant (the message names it) or a distroless base for the final stage.",
    tags: df,
  },
  {
    id: "base-latest",
    severity: "warning",
    title: "Base image without a tag or with `latest`",
    why: "`latest` changes under you: builds are not reproducible and a rebuild can silently change the major version.",
    fix: "Name an explicit version tag and pin it by digest (`image:1.2@sha256:…`).",
    tags: df,
  },
  {
    id: "base-not-pinned",
    severity: "warning",
    title: "Base image not pinned by digest",
    why: "A tag can be moved to other content; only a digest names exactly what was scanned and approved. A bot can then bump the digest when the base gets fixes.",
    fix: "Append `@sha256:…` to the image (`bespoke image lint --fix` does it for digests listed in the config) and let a bot update it.",
    tags: df,
  },
  {
    id: "base-registry",
    severity: "error",
    title: "Base image from a registry outside the allowed list",
    why: "Images from unreviewed registries bypass the organisation's scanning and mirroring; the cluster's trusted-registries policy will refuse them anyway.",
    fix: "Pull the base through an allowed registry (mirror it) or add the registry to `allowedRegistries` in the config.",
    tags: df,
  },
  {
    id: "build-tool",
    severity: "error",
    title: "Build tools (compilers, make, go, maven) in the final image",
    why: "Compilers and build tools let an attacker build and run anything inside the container and add many packages to patch.",
    fix: "Build in a builder stage and COPY only the result into a slim or distroless final stage.",
    tags: both,
  },
  {
    id: "curl-pipe-shell",
    severity: "error",
    title: "Script downloaded and piped into a shell",
    why: "`curl … | sh` runs whatever the server returns at build time, unverified and unreproducible.",
    fix: "Download to a file, verify its checksum or signature, then run it — or install a pinned package instead.",
    tags: df,
  },
  {
    id: "dockerfile-syntax",
    severity: "error",
    title: "The Dockerfile does not parse as a build would",
    why: "Unknown instructions, instructions before FROM or an unterminated heredoc make the build fail or do something else than written.",
    fix: "Correct the instruction named in the message.",
    tags: df,
  },
  {
    id: "interpreter",
    severity: "warning",
    title: "Interpreter in the final image that the entrypoint does not use",
    why: "A Python, Perl, Ruby or Node interpreter the service does not need gives an attacker a ready-made tool.",
    fix: "Install interpreters only in builder stages, or use a base image without them (distroless, scratch).",
    tags: both,
  },
  {
    id: "network-tool",
    severity: "error",
    title: "Download or network tools (curl, wget, ssh, netcat, …) in the final image",
    why: "These are the first thing an attacker uses to fetch a payload or open a reverse shell.",
    fix: "Download in a builder stage and COPY the result; remove the tools from the final stage (or use a distroless base). Use an HTTP probe in Kubernetes instead of curl in a HEALTHCHECK.",
    tags: both,
  },
  {
    id: "oci-labels",
    severity: "info",
    title: "OCI labels for automated rebuilds are missing",
    why: "`org.opencontainers.image.source`, `.revision`, `.base.name` and `.base.digest` let a scanner or bot find the repository and rebuild when the base image gets fixes.",
    fix: "Add `LABEL org.opencontainers.image.source=… org.opencontainers.image.revision=… org.opencontainers.image.base.name=… org.opencontainers.image.base.digest=…` (or set them with the build tool).",
    tags: both,
  },
  {
    id: "package-cache",
    severity: "warning",
    title: "Package install without cleaning the package cache",
    why: "Package lists and caches add megabytes to the layer and keep stale metadata in the image.",
    fix: "Clean in the same RUN: `rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, `dnf clean all`, `pip install --no-cache-dir` — or use a cache mount.",
    tags: df,
  },
  {
    id: "package-manager",
    severity: "warning",
    title: "Package manager left in the final image",
    why: "A package manager in a running container lets an attacker install tools; the recipe asks for final images without one.",
    fix: "Use a distroless, scratch or micro base for the final stage and install packages only in builder stages.",
    tags: both,
  },
  {
    id: "secret-in-env",
    severity: "error",
    title: "Secret-looking name in ENV or ARG",
    why: "ENV values ship in the image config and ARG values in its history: anyone who can pull the image can read them.",
    fix: "Pass secrets with `RUN --mount=type=secret` at build time and with Kubernetes Secrets at run time.",
    tags: both,
  },
  {
    id: "setuid",
    severity: "warning",
    title: "setuid or setgid file in the image",
    why: "setuid/setgid binaries are the classic way from a compromised non-root process to root.",
    fix: "Remove the files or their s-bits (`chmod u-s,g-s`) in the final stage, or use a base without them; also set `allowPrivilegeEscalation: false`.",
    tags: img,
  },
  {
    id: "shell",
    severity: "warning",
    title: "Shell in the final image that the entrypoint does not need",
    why: "A shell makes every remote-code bug an interactive foothold; the recipe asks for images without one where the program does not need it.",
    fix: "Use a distroless or scratch final stage with an exec-form ENTRYPOINT; debug with ephemeral containers instead.",
    tags: both,
  },
  {
    id: "shell-form-cmd",
    severity: "warning",
    title: "CMD or ENTRYPOINT in shell form",
    why: "Shell form runs the program under `/bin/sh -c`, which does not forward SIGTERM: pods take the full grace period to stop, and the image needs a shell.",
    fix: 'Use exec form: `CMD ["program", "arg"]` (`bespoke image lint --fix` rewrites simple cases).',
    tags: both,
  },
  {
    id: "single-stage-compiled",
    severity: "warning",
    title: "Compiled language built in a single stage",
    why: "A single stage ships the whole toolchain and sources with the binary.",
    fix: "Build in a named builder stage and `COPY --from=builder` only the binary into a distroless or scratch stage.",
    tags: df,
  },
  {
    id: "symlink-loop",
    severity: "error",
    title: "Symbolic link loop in the image filesystem",
    why: "A link that resolves to itself breaks tools and scanners walking the filesystem and is a sign of a corrupt or hostile layer.",
    fix: "Fix the links in the layer that creates them.",
    tags: img,
  },
  {
    id: "unsafe-layer-path",
    severity: "error",
    title: "Layer entry whose path escapes the root",
    why: "A `../` or absolute link path in a layer writes outside the container's root on naive extractors (path traversal).",
    fix: "Rebuild the image with a trusted builder; never extract such a layer.",
    tags: img,
  },
  {
    id: "user-not-numeric",
    severity: "warning",
    title: "USER is a name, not a numeric UID",
    why: "Kubernetes `runAsNonRoot` cannot verify a user name and refuses to start the pod; a UID:GID can be checked.",
    fix: "Use `USER 10001:10001` (`bespoke image lint --fix` rewrites known names).",
    tags: both,
  },
  {
    id: "user-root",
    severity: "error",
    title: "Final image runs as root",
    why: "Without a USER the container runs as root: a container escape or a writable host path becomes root on the node.",
    fix: "Add `USER 10001:10001` (any non-zero UID) at the end of the final stage.",
    tags: both,
  },
  {
    id: "world-writable",
    severity: "warning",
    title: "World-writable directory without the sticky bit",
    why: "Any user in the container can replace files others rely on (binaries, configs) in such a directory.",
    fix: "Remove write permission for others (`chmod o-w`) or set the sticky bit (`chmod +t`) as /tmp has.",
    tags: img,
  },
];

export const ruleById: ReadonlyMap<string, RuleMeta> = new Map(imageRules.map((r) => [r.id, r]));

export function isRuleId(id: string): boolean {
  return ruleById.has(id);
}
