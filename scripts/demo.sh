#!/usr/bin/env bash
# The README's first command: install, then run the main job on an example platform:
# init → plan → render → check. Leaves everything in DIR (default: a new temp dir).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node24.sh
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npm run build --silent
out="${1:-$(mktemp -d "${TMPDIR:-/tmp}/bespoke-demo.XXXXXX")}"
mkdir -p "$out"
bespoke() { node bin/bespoke.js "$@"; }
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then b=$'\033[1m'; n=$'\033[0m'; else b=; n=; fi
step() { printf '\n%s== bespoke %s%s\n' "$b" "$*" "$n"; }

step init --profile MBU --out "$out/platform.yaml" --yes --force
bespoke init --profile MBU --out "$out/platform.yaml" --yes --force
step plan "$out/platform.yaml"
bespoke plan "$out/platform.yaml"
step render "$out/platform.yaml" --out "$out/gitops"
bespoke render "$out/platform.yaml" --out "$out/gitops"
step check "$out/gitops" --fail-on error
bespoke check "$out/gitops" --fail-on error
printf '\nDone. The platform description, the GitOps repository and its README are in %s\n' "$out"
