#!/usr/bin/env bash
# Builds the pinned gitleaks from the Go module proxy into the cache, once, and prints its path.
# Usage: scripts/security/install-gitleaks.sh
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"

GITLEAKS_VERSION="8.30.1"
bin_dir="$LOOKOUT_CACHE/gitleaks-$GITLEAKS_VERSION"
if [ ! -x "$bin_dir/gitleaks" ]; then
  command -v go >/dev/null || die "gitleaks $GITLEAKS_VERSION is not in $bin_dir and Go is not installed to build it"
  log "building gitleaks $GITLEAKS_VERSION from the Go module proxy (about a minute, once)"
  mkdir -p "$bin_dir"
  GOBIN="$bin_dir" go install "github.com/zricethezav/gitleaks/v8@v$GITLEAKS_VERSION" >&2 \
    || die "could not build gitleaks; is the Go module proxy reachable? (GOPROXY=$(go env GOPROXY))"
fi
printf '%s\n' "$bin_dir/gitleaks"
