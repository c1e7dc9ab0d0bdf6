#!/usr/bin/env bash
# Builds the images the Compose stack runs from this repository: lookout/example-service here,
# lookout/sidecar through the sidecar's own script (packages/sidecar/build-image.sh). Starts the
# machine's Docker engine if none answers. Nothing is downloaded from inside a container.
#
# Usage: scripts/compose/build-images.sh [--base official|local]
#   official  FROM node:24-bookworm-slim (needs a registry the engine can pull from)
#   local     FROM lookout/debian:bookworm, made by scripts/docker/base-image.sh, plus the host's
#             pinned Node 24 binary; for engines that cannot pull images
#   (default: official when node:24-bookworm-slim is present or pullable, else local)
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"

OFFICIAL_BASE="node:24-bookworm-slim"
LOCAL_BASE="lookout/debian:bookworm"
PACKAGE="@lookout/example-service"
CONTEXT="$LOOKOUT_ROOT/.lookout/image-context/example-service"
DOCKERFILE="$LOOKOUT_ROOT/packages/example-service/Dockerfile"

# choose_base [official|local]: prints the base image to build from.
choose_base() {
  case "${1:-}" in
    official) echo "$OFFICIAL_BASE" ;;
    local) echo "$LOCAL_BASE" ;;
    "")
      # Bounded: where no registry answers, a pull can hang on connection attempts.
      if docker image inspect "$OFFICIAL_BASE" >/dev/null 2>&1 ||
        timeout 60 docker pull -q "$OFFICIAL_BASE" >/dev/null 2>&1; then
        echo "$OFFICIAL_BASE"
      else
        echo "$LOCAL_BASE"
      fi
      ;;
    *) die "unknown base '$1' (expected official or local)" ;;
  esac
}

# ensure_local_base: builds the minimal Debian image when it is missing.
ensure_local_base() {
  docker image inspect "$LOCAL_BASE" >/dev/null 2>&1 && return
  local script="$LOOKOUT_ROOT/scripts/docker/base-image.sh"
  [ -x "$script" ] || die "$LOCAL_BASE is missing and $script does not exist to build it"
  "$script"
}

# stage_context <base>: the app from `pnpm deploy`, and Node itself when the base lacks it.
stage_context() {
  rm -rf "$CONTEXT" && mkdir -p "$CONTEXT/node"
  log "building the workspace and deploying $PACKAGE into $CONTEXT/app"
  (cd "$LOOKOUT_ROOT" && pnpm --filter "$PACKAGE..." --reporter=silent build)
  # --legacy: pnpm 10's default deploy wants inject-workspace-packages, which would change how
  # every workspace package links its siblings; the legacy mode copies the deployed package's
  # workspace dependencies (the SDK's built dist) just the same.
  (cd "$LOOKOUT_ROOT" && pnpm --filter "$PACKAGE" deploy --prod --legacy "$CONTEXT/app" >/dev/null)

  if [ "$1" = "$LOCAL_BASE" ]; then
    mkdir -p "$CONTEXT/node/bin"
    cp "$(node_dir "$LOOKOUT_NODE_24")/bin/node" "$CONTEXT/node/bin/node"
  fi
}

main() {
  [ "${1:-}" = "--base" ] && shift
  # Starts the machine's dockerd when no engine answers (and does nothing when one does).
  "$LOOKOUT_ROOT/scripts/docker/engine.sh"

  local base version
  base="$(choose_base "${1:-}")"
  [ "$base" = "$LOCAL_BASE" ] && ensure_local_base
  version="${LOOKOUT_VERSION:-$(node -p "require('$LOOKOUT_ROOT/packages/example-service/package.json').version")}"

  stage_context "$base"
  log "building lookout/example-service:$version from $base"
  # The legacy builder: Debian's CLI here has no buildx plugin, and the Dockerfile needs nothing
  # that only BuildKit offers.
  DOCKER_BUILDKIT=0 docker build --build-arg "BASE_IMAGE=$base" -f "$DOCKERFILE" \
    -t "lookout/example-service:$version" "$CONTEXT"

  local sidecar_image_script="$LOOKOUT_ROOT/packages/sidecar/build-image.sh"
  [ -x "$sidecar_image_script" ] || die "missing $sidecar_image_script (builds lookout/sidecar)"
  "$sidecar_image_script"
}

main "$@"
