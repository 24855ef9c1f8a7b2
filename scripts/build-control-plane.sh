#!/usr/bin/env bash
# Builds the real Kubernetes control plane (kube-apiserver, kube-controller-manager, kubectl) and
# the etcd that release pins, from the upstream Go modules, into a cache outside the repo:
#
#   ${BESPOKE_CACHE_DIR:-~/.cache/bespoke}/control-plane/<version>/bin/{kube-apiserver,...}
#   ${...}/control-plane/<version>/stamp.json   (versions + sha256 and size of every binary)
#
# Usage: scripts/build-control-plane.sh [--check] [--print-dir] [VERSION]
#   VERSION   v1.37.2 (exact) or v1.37 (newest patch of that minor); default $BESPOKE_KUBE_VERSION
#             or v1.37.2.
#   --check   only verify the cache; exit 0 when complete and intact, 1 otherwise.
#
# Why a wrapper module: k8s.io/kubernetes replaces its 33 k8s.io/* staging modules with local paths,
# and a dependency's replaces are ignored, so we generate the same list as version replaces from the
# tag's own go.mod (never hand-maintained). The result is written to a temp dir and renamed into
# place, so an interrupted build never leaves a cache that looks complete.
set -euo pipefail

DEFAULT_VERSION="v1.37.2"
CHECK_ONLY=0
REQUESTED=""
for arg in "$@"; do
  case "$arg" in
    --check) CHECK_ONLY=1 ;;
    -h | --help)
      sed -n '2,14p' "$0"
      exit 0
      ;;
    v*) REQUESTED="$arg" ;;
    *)
      echo "build-control-plane: unknown argument '$arg'" >&2
      exit 2
      ;;
  esac
done
REQUESTED="${REQUESTED:-${BESPOKE_KUBE_VERSION:-$DEFAULT_VERSION}}"

CACHE_ROOT="${BESPOKE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bespoke}/control-plane"
START=$(date +%s)
log() { printf '[build-control-plane +%ss] %s\n' "$(($(date +%s) - START))" "$*" >&2; }
die() {
  printf 'build-control-plane: %s\n' "$*" >&2
  exit "${EXIT_CODE:-3}"
}

BINARIES=(kube-apiserver kube-controller-manager kubectl etcd)

# stamp.json lists each binary as "name": {"sha256": "...", "size": N}; verify every one.
verify_dir() {
  local dir="$1" name sum size line
  [[ -f "$dir/stamp.json" ]] || return 1
  for name in "${BINARIES[@]}"; do
    [[ -x "$dir/bin/$name" ]] || return 1
    line=$(grep -o "\"$name\": {\"sha256\": \"[0-9a-f]*\", \"size\": [0-9]*}" "$dir/stamp.json") || return 1
    sum=$(sed -E 's/.*"sha256": "([0-9a-f]+)".*/\1/' <<<"$line")
    size=$(sed -E 's/.*"size": ([0-9]+).*/\1/' <<<"$line")
    [[ "$(stat -c %s "$dir/bin/$name")" == "$size" ]] || return 1
    [[ "$(sha256sum "$dir/bin/$name" | cut -d' ' -f1)" == "$sum" ]] || return 1
  done
}

# An exact version needs no Go at all when the cache already holds it.
if [[ "$REQUESTED" =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] && verify_dir "$CACHE_ROOT/$REQUESTED"; then
  log "cache hit: $CACHE_ROOT/$REQUESTED"
  echo "$CACHE_ROOT/$REQUESTED"
  exit 0
fi
[[ $CHECK_ONLY == 1 ]] && exit 1

command -v go >/dev/null 2>&1 || EXIT_CODE=4 die "Go is not installed (or not on PATH). Install Go >= the 'go' directive of k8s.io/kubernetes $REQUESTED (1.26 for v1.37), or set KUBEBUILDER_ASSETS to a directory with kube-apiserver, etcd and kubectl."

# Never let go switch toolchains behind our back: a too-old Go is reported, not silently upgraded.
export GOTOOLCHAIN=local GOFLAGS="${GOFLAGS:-} -mod=mod" CGO_ENABLED=0
mkdir -p "$CACHE_ROOT"

VERSION="$REQUESTED"
if [[ "$REQUESTED" =~ ^v[0-9]+\.[0-9]+$ ]]; then
  log "resolving newest patch of $REQUESTED"
  VERSION=$(go list -m -versions k8s.io/kubernetes | tr ' ' '\n' | grep -E "^${REQUESTED//./\\.}\.[0-9]+$" | sort -t. -k3,3n | tail -1) ||
    true
  [[ -n "$VERSION" ]] || EXIT_CODE=2 die "no stable release of k8s.io/kubernetes matches $REQUESTED"
  if verify_dir "$CACHE_ROOT/$VERSION"; then
    log "cache hit: $CACHE_ROOT/$VERSION"
    echo "$CACHE_ROOT/$VERSION"
    exit 0
  fi
fi
[[ "$VERSION" =~ ^v1\.([0-9]+)\.([0-9]+)$ ]] || EXIT_CODE=2 die "unsupported version '$VERSION' (want v1.N.P or v1.N)"
MINOR="${BASH_REMATCH[1]}"
STAGING_VERSION="v0.${MINOR}.${BASH_REMATCH[2]}"

# One build per machine at a time; a second caller waits, then finds the cache filled.
exec 9>"$CACHE_ROOT/.lock"
if ! flock -n 9; then
  log "another build holds $CACHE_ROOT/.lock; waiting"
  flock 9
fi
if verify_dir "$CACHE_ROOT/$VERSION"; then
  log "cache hit (built by another process): $CACHE_ROOT/$VERSION"
  echo "$CACHE_ROOT/$VERSION"
  exit 0
fi
[[ -e "$CACHE_ROOT/$VERSION" ]] && log "cache at $CACHE_ROOT/$VERSION is incomplete or corrupt; rebuilding"

log "downloading k8s.io/kubernetes@$VERSION (module cache: $(go env GOMODCACHE))"
K8S_DIR=$(go mod download -json "k8s.io/kubernetes@$VERSION" | sed -nE 's/^\s*"Dir": "(.*)",?$/\1/p')
[[ -f "$K8S_DIR/go.mod" ]] || die "could not download k8s.io/kubernetes@$VERSION"

GO_REQUIRED=$(sed -nE 's/^go ([0-9.]+)$/\1/p' "$K8S_DIR/go.mod")
GO_HAVE=$(go env GOVERSION | sed -E 's/^go//')
if [[ "$(printf '%s\n%s\n' "$GO_REQUIRED" "$GO_HAVE" | sort -V | head -1)" != "$GO_REQUIRED" ]]; then
  EXIT_CODE=4 die "k8s.io/kubernetes $VERSION needs Go >= $GO_REQUIRED, found $GO_HAVE. Install a newer Go or set KUBEBUILDER_ASSETS."
fi

# The etcd that this release pins (build/dependencies.yaml ships inside the module zip).
ETCD_VERSION="${BESPOKE_ETCD_VERSION:-}"
if [[ -z "$ETCD_VERSION" ]]; then
  ETCD_VERSION=$(awk '/^  - name: "etcd"/{f=1} f && /version:/{gsub(/[" ]/,"",$2); print "v"$2; exit}' \
    "$K8S_DIR/build/dependencies.yaml" 2>/dev/null || true)
fi
[[ "$ETCD_VERSION" =~ ^v3\.[0-9]+\.[0-9]+$ ]] || die "could not find the pinned etcd version in build/dependencies.yaml (set BESPOKE_ETCD_VERSION)"

WORK="$CACHE_ROOT/.work/$VERSION"
TMP="$CACHE_ROOT/.tmp-$VERSION-$$"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$WORK/kubernetes" "$WORK/etcd" "$TMP/bin"

log "writing wrapper module for kubernetes $VERSION (staging $STAGING_VERSION, go $GO_REQUIRED)"
{
  echo "module bespoke.local/control-plane/kubernetes"
  echo
  echo "go $GO_REQUIRED"
  echo
  echo "require k8s.io/kubernetes $VERSION"
  echo
  # "k8s.io/X => ./staging/src/k8s.io/X" in the tag becomes "k8s.io/X => k8s.io/X v0.N.P" here.
  sed -nE "s#^[[:space:]]*(replace[[:space:]]+)?(k8s\.io/[A-Za-z0-9._/-]+)[[:space:]]+=>[[:space:]]+\./staging/src/.*#replace \2 => \2 $STAGING_VERSION#p" \
    "$K8S_DIR/go.mod"
} >"$WORK/kubernetes/go.mod.new"
REPLACES=$(grep -c '^replace ' "$WORK/kubernetes/go.mod.new" || true)
[[ "$REPLACES" -gt 0 ]] || die "found no staging replaces in k8s.io/kubernetes@$VERSION go.mod"
log "generated $REPLACES staging replaces from the tag's go.mod"
# Keep a previous tidy result when the generated header is unchanged: tidy is then a no-op.
if ! cmp -s "$WORK/kubernetes/go.mod.new" "$WORK/kubernetes/go.mod.gen" 2>/dev/null; then
  cp "$WORK/kubernetes/go.mod.new" "$WORK/kubernetes/go.mod"
  cp "$WORK/kubernetes/go.mod.new" "$WORK/kubernetes/go.mod.gen"
fi
cat >"$WORK/kubernetes/tools.go" <<'EOF'
//go:build tools

// Package tools pins the commands this wrapper module builds.
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
EOF

cat >"$WORK/etcd/go.mod" <<EOF
module bespoke.local/control-plane/etcd

go $GO_REQUIRED

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
EOF
cat >"$WORK/etcd/tools.go" <<'EOF'
//go:build tools

package tools

import _ "go.etcd.io/etcd/server/v3"
EOF

log "go mod tidy (kubernetes)"
(cd "$WORK/kubernetes" && go mod tidy) >&2
log "go mod tidy (etcd $ETCD_VERSION)"
(cd "$WORK/etcd" && go mod tidy) >&2

VPKG=k8s.io/component-base/version
CPKG=k8s.io/client-go/pkg/version
LDFLAGS="-s -w"
for pkg in $VPKG $CPKG; do
  LDFLAGS+=" -X $pkg.gitVersion=$VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$MINOR"
  LDFLAGS+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
done

build() { # name dir package ldflags [note]
  local t0=$(date +%s)
  log "building $1${5:+ ($5)}"
  (cd "$2" && go build -trimpath -ldflags "$4" -o "$TMP/bin/$1" "$3") >&2
  log "built $1 in $(($(date +%s) - t0))s ($(($(stat -c %s "$TMP/bin/$1") / 1048576)) MiB)"
}
build kube-apiserver "$WORK/kubernetes" k8s.io/kubernetes/cmd/kube-apiserver "$LDFLAGS" \
  "about 5 min cold on 2 cores; Go's build cache in $(go env GOCACHE) makes later builds fast"
build kube-controller-manager "$WORK/kubernetes" k8s.io/kubernetes/cmd/kube-controller-manager "$LDFLAGS"
build kubectl "$WORK/kubernetes" k8s.io/kubernetes/cmd/kubectl "$LDFLAGS"
build etcd "$WORK/etcd" go.etcd.io/etcd/server/v3 "-s -w"

{
  printf '{\n  "kubernetes": "%s",\n  "etcd": "%s",\n  "go": "%s",\n  "binaries": {\n' "$VERSION" "$ETCD_VERSION" "$GO_HAVE"
  sep=""
  for name in "${BINARIES[@]}"; do
    printf '%s    "%s": {"sha256": "%s", "size": %s}' "$sep" "$name" \
      "$(sha256sum "$TMP/bin/$name" | cut -d' ' -f1)" "$(stat -c %s "$TMP/bin/$name")"
    sep=$',\n'
  done
  printf '\n  }\n}\n'
} >"$TMP/stamp.json"

# Swap into place: an old corrupt dir is moved aside first so the rename itself is atomic.
if [[ -e "$CACHE_ROOT/$VERSION" ]]; then
  mv "$CACHE_ROOT/$VERSION" "$CACHE_ROOT/.old-$VERSION-$$"
  rm -rf "$CACHE_ROOT/.old-$VERSION-$$"
fi
mv "$TMP" "$CACHE_ROOT/$VERSION"
trap - EXIT
log "done: $CACHE_ROOT/$VERSION"
echo "$CACHE_ROOT/$VERSION"
