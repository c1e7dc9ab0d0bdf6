#!/usr/bin/env bash
# Builds the sidecar image `lookout/sidecar:<version>` (version from package.json) into the local
# Docker engine, starting the engine if none answers.
#
# Default (offline, as on this project's machines): the binaries come from build.sh on the host
# and the image is assembled from the local base image (scripts/docker/base-image.sh) onto an
# empty base, so nothing is pulled from a registry.
# LOOKOUT_SIDECAR_IMAGE_FROM_SOURCE=1: the Dockerfile's defaults instead, building from source
# in the official Go image onto distroless (needs Docker Hub and gcr.io).
#
# Usage: packages/sidecar/build-image.sh     prints the image reference
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../scripts/lib/env.sh
source "$here/../../scripts/lib/env.sh"

version="$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$here/package.json")"
[ -n "$version" ] || die "no version in $here/package.json"
image="lookout/sidecar:$version"

"$LOOKOUT_ROOT/scripts/docker/engine.sh"
# The v28 CLI here has no buildx plugin, which BuildKit builds need; the classic builder needs
# none and the Dockerfile uses nothing beyond it.
if ! docker buildx version >/dev/null 2>&1; then export DOCKER_BUILDKIT=0; fi

build_args=()
if [ "${LOOKOUT_SIDECAR_IMAGE_FROM_SOURCE:-0}" != 1 ]; then
  "$here/build.sh" >/dev/null
  "$LOOKOUT_ROOT/scripts/docker/base-image.sh"
  build_args=(
    --build-arg BUILD_IMAGE=lookout/debian:bookworm
    --build-arg PREBUILT=true
    --build-arg RUNTIME_IMAGE=scratch
  )
fi

log "building $image"
# Host networking for the build's RUN step: it needs no network, and this keeps it off the
# bridge network altogether.
docker build --network host "${build_args[@]}" --label "org.opencontainers.image.version=$version" \
  -t "$image" "$here" >&2
echo "$image"
