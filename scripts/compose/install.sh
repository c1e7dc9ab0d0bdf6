#!/usr/bin/env bash
# Installs the Docker Compose v2 CLI plugin (`docker compose`), built from source with Go, and
# prints the plugin's path. Idempotent: the binary is cached under $LOOKOUT_CACHE and rebuilt only
# when the pinned version changes.
#
# Why build it: Debian's docker.io ships the CLI without the compose plugin, and the prebuilt
# release binaries live on a download site that this project's machines cannot reach. The Go
# module proxy serves the compose sources like any other module, and go1.26 builds them in about
# two minutes on two cores with an empty Go cache (measured), seconds with a warm one.
#
# Usage: scripts/compose/install.sh [--force]
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"

# v5.6.0 is the newest docker/compose module whose go.mod accepts go1.26 (v5.7.x needs go1.27).
COMPOSE_MODULE="github.com/docker/compose/v5"
COMPOSE_VERSION="v5.6.0"

CACHED_BINARY="$LOOKOUT_CACHE/docker-compose-$COMPOSE_VERSION/docker-compose"
PLUGIN_DIR="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"
PLUGIN="$PLUGIN_DIR/docker-compose"

# build_compose: compiles the plugin into $CACHED_BINARY.
build_compose() {
  command -v go >/dev/null || die "Go is needed to build docker compose; install Go >= 1.26.8"
  log "building docker compose $COMPOSE_VERSION from the Go module proxy (about 2 minutes)"

  local source_dir
  source_dir="$(go mod download -json "$COMPOSE_MODULE@$COMPOSE_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -d "$source_dir" ] || die "go mod download gave no source directory for $COMPOSE_MODULE"

  # `go install module@version` refuses modules whose go.mod has exclude directives (compose's
  # does), so the module is built as the main module from a writable copy of its source.
  WORK_DIR="$(mktemp -d)"
  trap 'rm -rf "$WORK_DIR"' EXIT
  cp -r "$source_dir/." "$WORK_DIR/" && chmod -R u+w "$WORK_DIR"

  (cd "$WORK_DIR" && GOFLAGS=-buildvcs=false CGO_ENABLED=0 go build -trimpath \
    -ldflags "-s -w -X $COMPOSE_MODULE/internal.Version=$COMPOSE_VERSION" \
    -o "$CACHED_BINARY.tmp" ./cmd)
  mv "$CACHED_BINARY.tmp" "$CACHED_BINARY"
}

# link_plugin: makes `docker compose` find the cached binary, without replacing a plugin that
# someone else installed there.
link_plugin() {
  mkdir -p "$PLUGIN_DIR"
  if [ -e "$PLUGIN" ] && [ ! -L "$PLUGIN" ]; then
    log "keeping the existing $PLUGIN ($("$PLUGIN" version 2>/dev/null || echo unknown version))"
    return
  fi
  ln -sfn "$CACHED_BINARY" "$PLUGIN"
}

main() {
  mkdir -p "$(dirname "$CACHED_BINARY")"
  # Test files call this concurrently on a fresh machine: one builds, the others wait for it.
  exec 9>"$(dirname "$CACHED_BINARY")/install.lock"
  flock 9
  if [ "${1:-}" = "--force" ] || [ ! -x "$CACHED_BINARY" ]; then
    build_compose
  fi
  link_plugin
  printf '%s\n' "$PLUGIN"
}

main "$@"
