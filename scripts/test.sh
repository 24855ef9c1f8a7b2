#!/usr/bin/env bash
# The README's test command: installs what the project needs (Node 24, npm packages, the
# control plane built from Go modules when the e2e tests need it) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node24.sh
echo "== node $(node --version), npm $(npm --version)"
npm ci --no-audit --no-fund --loglevel=error
npm run build
npm run typecheck
npm run lint
npx vitest run --reporter=default
