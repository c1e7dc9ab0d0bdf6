#!/usr/bin/env bash
# Builds the Lookout sidecar (a custom OpenTelemetry Collector) from builder-config.yaml and puts
# it at packages/sidecar/_build/otelcol-lookout, with the image's healthcheck probe beside it at
# _build/healthcheck. Both are static (CGO_ENABLED=0).
#
# Cached: the binary is kept under $LOOKOUT_CACHE/sidecar/<key>/, where the key hashes the
# manifest, the Go toolchain and the builder version, so a rerun with nothing changed only
# copies a file. Go modules go to the normal GOMODCACHE and compiled packages to the normal
# GOCACHE, so even a rebuild after a manifest change reuses most of the work.
#
# Usage: packages/sidecar/build.sh            build if needed, print the binary's path
#        LOOKOUT_SIDECAR_REBUILD=1 build.sh   ignore the cached binary
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -f "$here/../../scripts/lib/env.sh" ]; then
  # shellcheck source=../../scripts/lib/env.sh
  source "$here/../../scripts/lib/env.sh"
else
  # Inside the image build only this package is in the build context.
  LOOKOUT_CACHE="${LOOKOUT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lookout}"
  log() { printf '[lookout] %s\n' "$*" >&2; }
  die() { printf '[lookout] %s\n' "$*" >&2; exit 1; }
fi

readonly builder_version="v0.165.0"
# resourcedetectionprocessor v0.165.x declares `go 1.26.9`; the go command fetches this
# toolchain from the module proxy like any module. Drop it once the machine's Go is new enough.
export GOTOOLCHAIN="go1.27.3"
# `-e` lets ocb's `go mod tidy` pass although some cloud detector modules of
# resourcedetectionprocessor are not served by the proxy here. tidy looks at every build tag;
# the build itself uses the omit_detector_* tags from the manifest and never imports those
# packages, so nothing missing ends up in the binary. Go ignores a GOFLAGS entry that a
# subcommand does not define, so `go build` is unaffected. -buildvcs=false: the work directory
# may sit inside a git checkout (a cache under the repository) without being part of it.
export GOFLAGS="-e -buildvcs=false"
export CGO_ENABLED=0

manifest="$here/builder-config.yaml"
out_dir="$here/_build"
binary_name="otelcol-lookout"
builder="$LOOKOUT_CACHE/go-bin/builder-$builder_version/builder"

command -v go >/dev/null || die "go is not on PATH: install Go >= 1.22 (the toolchain itself comes from the proxy)"

install_builder() {
  [ -x "$builder" ] && return
  log "installing ocb $builder_version"
  GOBIN="$(dirname "$builder")" go install "go.opentelemetry.io/collector/cmd/builder@$builder_version"
}

# The cache key: anything that changes the binary. `go version` names the toolchain, OS and arch.
cache_key() {
  { cat "$manifest"; go version; echo "$builder_version"; } | sha256sum | cut -c1-16
}

# Builds into a scratch directory next to the cache entry and renames it into place, so an
# interrupted build never leaves a half-written binary that a later run would trust.
build_into() {
  local entry="$1" work
  work="$(mktemp -d "$entry.tmp.XXXXXX")"
  cp "$manifest" "$work/builder-config.yaml"
  log "building $binary_name (uncached: expect several minutes on 2 cores)"
  local started=$SECONDS
  (cd "$work" && "$builder" --config builder-config.yaml) >"$work/build.log" 2>&1 || {
    tail -n 40 "$work/build.log" >&2
    die "ocb failed; full log: $work/build.log"
  }
  mkdir -p "$entry"
  mv "$work/otelcol-lookout-src/$binary_name" "$entry/$binary_name"
  rm -rf "$work"
  log "built $binary_name in $((SECONDS - started))s (uncached)"
}

main() {
  install_builder
  local key entry
  key="$(cache_key)"
  entry="$LOOKOUT_CACHE/sidecar/$key"
  mkdir -p "$LOOKOUT_CACHE/sidecar"

  # Two builds at once (CI and a developer shell, two test workers) would both spend minutes;
  # the lock makes the second wait and then reuse the first one's binary.
  exec 9>"$LOOKOUT_CACHE/sidecar/.lock"
  flock 9
  if [ "${LOOKOUT_SIDECAR_REBUILD:-0}" = 1 ]; then rm -rf "$entry"; fi
  if [ -x "$entry/$binary_name" ]; then
    log "using cached $binary_name ($key)"
  else
    build_into "$entry"
  fi

  mkdir -p "$out_dir"
  # A copy, not a symlink: the Docker build context must contain the file itself.
  if ! cmp -s "$entry/$binary_name" "$out_dir/$binary_name"; then
    cp "$entry/$binary_name" "$out_dir/$binary_name.tmp"
    mv "$out_dir/$binary_name.tmp" "$out_dir/$binary_name"
  fi
  build_healthcheck
  echo "$out_dir/$binary_name"
}

# The probe is a few lines of standard library: `go build` on its own cache takes a second, so
# it needs no cache entry of its own.
build_healthcheck() {
  (cd "$here/healthcheck" && go build -trimpath -ldflags="-s -w" -o "$out_dir/healthcheck" .)
}

main "$@"
