#!/usr/bin/env bash
# The README's first command: install, then run the main job on an example platform.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node24.sh
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npm run build --silent
out="${1:-$(mktemp -d "${TMPDIR:-/tmp}/bespoke-demo.XXXXXX")}"
mkdir -p "$out"
echo "== bespoke init --profile MBU --out $out/platform.yaml --yes"
node bin/bespoke.js init --profile MBU --out "$out/platform.yaml" --yes
echo "== bespoke plan $out/platform.yaml"
node bin/bespoke.js plan "$out/platform.yaml"
