#!/usr/bin/env bash
# Builds the real test images for `bespoke image inspect` without a container engine and caches
# them outside the repo (nothing here is committed):
#   debian-minbase/  an OCI image layout of a Debian root filesystem made by debootstrap (apt, dpkg, bash)
#   static/          an OCI image layout holding one static Go binary, run as a numeric user
# Usage: scripts/image-fixtures.sh [debian|static|all]   (prints the cache dir on the last line)
set -euo pipefail
what="${1:-all}"
cache="${BESPOKE_IMAGE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/bespoke/test-images}"
mkdir -p "$cache"

# Writes an OCI image layout at $1 from a gzip layer file $2 and an image config JSON file $3.
write_layout() {
  local out="$1" layer="$2" config="$3"
  local blobs="$out/blobs/sha256"
  mkdir -p "$blobs"
  local ldig lsize cdig csize diffid mdig msize
  ldig=$(sha256sum "$layer" | cut -d' ' -f1)
  lsize=$(stat -c %s "$layer")
  diffid=$(gzip -dc "$layer" | sha256sum | cut -d' ' -f1)
  sed -i "s/@DIFFID@/sha256:$diffid/" "$config"
  cdig=$(sha256sum "$config" | cut -d' ' -f1)
  csize=$(stat -c %s "$config")
  mv "$layer" "$blobs/$ldig"
  mv "$config" "$blobs/$cdig"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
    "$cdig" "$csize" "$ldig" "$lsize" >"$out/manifest.tmp"
  mdig=$(sha256sum "$out/manifest.tmp" | cut -d' ' -f1)
  msize=$(stat -c %s "$out/manifest.tmp")
  mv "$out/manifest.tmp" "$blobs/$mdig"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s}]}' \
    "$mdig" "$msize" >"$out/index.json"
  printf '{"imageLayoutVersion":"1.0.0"}' >"$out/oci-layout"
}

pack_dir() { # $1 root dir, $2 output .tar.gz — numeric owners, sorted, fixed mtime: reproducible
  tar --numeric-owner --sort=name --mtime=@0 -C "$1" -cf - . | gzip -n >"$2"
}

build_debian() {
  local out="$cache/debian-minbase-v2"
  [[ -f "$out/index.json" ]] && return 0
  if ! command -v debootstrap >/dev/null; then
    echo "== installing debootstrap" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2
  fi
  local work
  work=$(mktemp -d "$cache/.debian.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" RETURN
  local suite mirror=""
  suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  # Use the machine's own Debian mirror when apt has one configured, else debootstrap's default.
  mirror=$(grep -hoE '^URIs: *[^ ]+/debian$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | sed 's/^URIs: *//' || true)
  echo "== debootstrap --variant=minbase $suite (takes a few minutes, once)" >&2
  debootstrap --variant=minbase "$suite" "$work/rootfs" ${mirror:+"$mirror"} >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; return 1; }
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/debootstrap"
  pack_dir "$work/rootfs" "$work/layer.tar.gz"
  printf '{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},"rootfs":{"type":"layers","diff_ids":["@DIFFID@"]}}' >"$work/config.json"
  write_layout "$work/layout" "$work/layer.tar.gz" "$work/config.json"
  rm -rf "$out" && mv "$work/layout" "$out"
}

build_static() {
  local out="$cache/static-v2"
  [[ -f "$out/index.json" ]] && return 0
  local work
  work=$(mktemp -d "$cache/.static.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" RETURN
  mkdir -p "$work/src" "$work/rootfs"
  printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello from a static binary") }\n' >"$work/src/main.go"
  printf 'module example.invalid/hello\n\ngo 1.21\n' >"$work/src/go.mod"
  (cd "$work/src" && CGO_ENABLED=0 GOFLAGS=-mod=mod GOCACHE="$work/gocache" go build -trimpath -ldflags='-s -w' -o "$work/rootfs/app" .)
  chmod 0555 "$work/rootfs/app"
  pack_dir "$work/rootfs" "$work/layer.tar.gz"
  printf '{"architecture":"amd64","os":"linux","config":{"User":"65532:65532","Entrypoint":["/app"],"Labels":{"org.opencontainers.image.source":"https://git.example.org/bespoke/hello","org.opencontainers.image.revision":"0000000","org.opencontainers.image.base.name":"scratch","org.opencontainers.image.base.digest":""}},"rootfs":{"type":"layers","diff_ids":["@DIFFID@"]}}' >"$work/config.json"
  write_layout "$work/layout" "$work/layer.tar.gz" "$work/config.json"
  rm -rf "$out" && mv "$work/layout" "$out"
}

case "$what" in
  debian) build_debian ;;
  static) build_static ;;
  all) build_static && build_debian ;;
  *) echo "usage: $0 [debian|static|all]" >&2; exit 2 ;;
esac
echo "$cache"
