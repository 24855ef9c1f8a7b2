/**
 * Every rule of the library, sorted by id. One file per rule: add a file, then list it here.
 */
import type { LibraryRule } from "./rule.js";
import { rule as cronjobConcurrency } from "./rules/cronjob-concurrency.js";
import { rule as cronjobStartingDeadline } from "./rules/cronjob-starting-deadline.js";
import { rule as envNoSecretLiteral } from "./rules/env-no-secret-literal.js";
import { rule as httprouteHostnames } from "./rules/httproute-hostnames.js";
import { rule as imgAllowed } from "./rules/img-allowed.js";
import { rule as imgDigest } from "./rules/img-digest.js";
import { rule as imgNoLatest } from "./rules/img-no-latest.js";
import { rule as imgPullPolicyNever } from "./rules/img-pull-policy-never.js";
import { rule as imgTrustedRegistry } from "./rules/img-trusted-registry.js";
import { rule as ingClass } from "./rules/ing-class.js";
import { rule as ingHostRequired } from "./rules/ing-host-required.js";
import { rule as ingTls } from "./rules/ing-tls.js";
import { rule as jobBackoffLimit } from "./rules/job-backoff-limit.js";
import { rule as jobTtl } from "./rules/job-ttl.js";
import { rule as metaNoDefaultNamespace } from "./rules/meta-no-default-namespace.js";
import { rule as metaOwnerLabel } from "./rules/meta-owner-label.js";
import { rule as metaRequiredLabels } from "./rules/meta-required-labels.js";
import { rule as nsPolicyMode } from "./rules/ns-policy-mode.js";
import { rule as nsPsaEnforce } from "./rules/ns-psa-enforce.js";
import { rule as podNoDefaultSa } from "./rules/pod-no-default-sa.js";
import { rule as podNoHostIpc } from "./rules/pod-no-host-ipc.js";
import { rule as podNoHostNetwork } from "./rules/pod-no-host-network.js";
import { rule as podNoHostPath } from "./rules/pod-no-host-path.js";
import { rule as podNoHostPid } from "./rules/pod-no-host-pid.js";
import { rule as podNoSaToken } from "./rules/pod-no-sa-token.js";
import { rule as podNoSharedPid } from "./rules/pod-no-shared-pid.js";
import { rule as podSpread } from "./rules/pod-spread.js";
import { rule as portNoHostPort } from "./rules/port-no-host-port.js";
import { rule as probeDistinct } from "./rules/probe-distinct.js";
import { rule as probeLiveness } from "./rules/probe-liveness.js";
import { rule as probeReadiness } from "./rules/probe-readiness.js";
import { rule as rbacClusterAdmin } from "./rules/rbac-cluster-admin.js";
import { rule as rbacNoAnonymous } from "./rules/rbac-no-anonymous.js";
import { rule as rbacNoClusterSecretsRead } from "./rules/rbac-no-cluster-secrets-read.js";
import { rule as rbacNoEscalationVerbs } from "./rules/rbac-no-escalation-verbs.js";
import { rule as rbacNoWildcardResources } from "./rules/rbac-no-wildcard-resources.js";
import { rule as rbacNoWildcardVerbs } from "./rules/rbac-no-wildcard-verbs.js";
import { rule as resCpuRequest } from "./rules/res-cpu-request.js";
import { rule as resMemoryLimit } from "./rules/res-memory-limit.js";
import { rule as resMemoryRequest } from "./rules/res-memory-request.js";
import { rule as secDropAllCaps } from "./rules/sec-drop-all-caps.js";
import { rule as secNoAddedCaps } from "./rules/sec-no-added-caps.js";
import { rule as secNoPrivilegeEscalation } from "./rules/sec-no-privilege-escalation.js";
import { rule as secNoPrivileged } from "./rules/sec-no-privileged.js";
import { rule as secNoRootGroup } from "./rules/sec-no-root-group.js";
import { rule as secNoRootUser } from "./rules/sec-no-root-user.js";
import { rule as secReadOnlyRootFs } from "./rules/sec-read-only-root-fs.js";
import { rule as secRunAsNonRoot } from "./rules/sec-run-as-non-root.js";
import { rule as secSeccomp } from "./rules/sec-seccomp.js";
import { rule as svcNoExternalIps } from "./rules/svc-no-external-ips.js";
import { rule as svcTypeAllowed } from "./rules/svc-type-allowed.js";
import { rule as wlReplicasProd } from "./rules/wl-replicas-prod.js";

export const libraryRules: readonly LibraryRule[] = [
  cronjobConcurrency,
  cronjobStartingDeadline,
  envNoSecretLiteral,
  httprouteHostnames,
  imgAllowed,
  imgDigest,
  imgNoLatest,
  imgPullPolicyNever,
  imgTrustedRegistry,
  ingClass,
  ingHostRequired,
  ingTls,
  jobBackoffLimit,
  jobTtl,
  metaNoDefaultNamespace,
  metaOwnerLabel,
  metaRequiredLabels,
  nsPolicyMode,
  nsPsaEnforce,
  podNoDefaultSa,
  podNoHostIpc,
  podNoHostNetwork,
  podNoHostPath,
  podNoHostPid,
  podNoSaToken,
  podNoSharedPid,
  podSpread,
  portNoHostPort,
  probeDistinct,
  probeLiveness,
  probeReadiness,
  rbacClusterAdmin,
  rbacNoAnonymous,
  rbacNoClusterSecretsRead,
  rbacNoEscalationVerbs,
  rbacNoWildcardResources,
  rbacNoWildcardVerbs,
  resCpuRequest,
  resMemoryLimit,
  resMemoryRequest,
  secDropAllCaps,
  secNoAddedCaps,
  secNoPrivilegeEscalation,
  secNoPrivileged,
  secNoRootGroup,
  secNoRootUser,
  secReadOnlyRootFs,
  secRunAsNonRoot,
  secSeccomp,
  svcNoExternalIps,
  svcTypeAllowed,
  wlReplicasProd,
];
