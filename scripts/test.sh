#!/usr/bin/env bash
# The README's test command: installs what the project needs (Node 24, npm packages, the
# control plane built from Go modules when the e2e tests need it) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node24.sh
echo "== node $(node --version), npm $(npm --version)"
# Control plane for the e2e tests (built from Go modules, cached outside the repo): on a cache
# miss build it in the background while the steps below run; the e2e globalSetup then waits for
# it (the build script holds a lock) and builds it itself if this did not happen.
CP_BUILD_PID=""
if [[ -z "${KUBEBUILDER_ASSETS:-}${BESPOKE_CONTROL_PLANE_DIR:-}" ]] && ! bash scripts/build-control-plane.sh --check >/dev/null 2>&1; then
  CP_BUILD_LOG="${TMPDIR:-/tmp}/bespoke-control-plane-build.log"
  echo "== control plane not cached: building it in the background (log: $CP_BUILD_LOG)"
  # Own session, so an early failure can stop the script and its go build together.
  setsid bash scripts/build-control-plane.sh >"$CP_BUILD_LOG" 2>&1 &
  CP_BUILD_PID=$!
  trap '[[ -n "$CP_BUILD_PID" ]] && kill -- "-$CP_BUILD_PID" 2>/dev/null || true' EXIT
fi
npm ci --no-audit --no-fund --loglevel=error
npm run build
npm run typecheck
npm run lint
npx vitest run --reporter=default
