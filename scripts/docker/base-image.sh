#!/usr/bin/env bash
# Builds the local Debian base image `lookout/debian:bookworm` from Debian's own packages, for
# machines that can reach Debian's archive but no container registry. Done once: skipped when
# the image exists; the root filesystem tarball is cached, so re-importing after the engine lost
# its images takes seconds.
#
# Usage: scripts/docker/base-image.sh
# Env:   LOOKOUT_DEBIAN_MIRROR (default http://deb.debian.org/debian)
set -euo pipefail
here="$(dirname "$0")"
# shellcheck source=../lib/env.sh
source "$here/../lib/env.sh"

readonly image="lookout/debian:bookworm"
readonly mirror="${LOOKOUT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# ca-certificates: images built on this base talk TLS to managed backends.
readonly include="ca-certificates"
tarball="$LOOKOUT_CACHE/docker/debian-bookworm-minbase.tar"

make_rootfs_tarball() {
  command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"
  local rootfs; rootfs="$(mktemp -d)"
  log "debootstrap --variant=minbase bookworm from $mirror (a few minutes)"
  debootstrap --variant=minbase --include="$include" bookworm "$rootfs" "$mirror" \
    >"$LOOKOUT_CACHE/docker/debootstrap.log" 2>&1 ||
    die "debootstrap failed; see $LOOKOUT_CACHE/docker/debootstrap.log"
  # Package caches and lists are dead weight in an image.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar --numeric-owner -C "$rootfs" -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
  rm -rf "$rootfs"
}

main() {
  "$here/engine.sh"
  if docker image inspect "$image" >/dev/null 2>&1; then
    log "$image exists"
    return
  fi
  mkdir -p "$LOOKOUT_CACHE/docker"
  exec 9>"$LOOKOUT_CACHE/docker/base-image.lock"
  flock 9
  # Another caller may have imported it while this one waited for the lock.
  docker image inspect "$image" >/dev/null 2>&1 && return
  [ -f "$tarball" ] || make_rootfs_tarball
  log "importing $image"
  docker import --change 'CMD ["/bin/bash"]' "$tarball" "$image" >/dev/null
  log "$image ready"
}

main "$@"
