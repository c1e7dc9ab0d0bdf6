# shellcheck shell=bash
# Shared environment for every project script: tool versions, the cache directory and PATH.
# Sourcing it never installs anything; scripts/setup.sh does that.

LOOKOUT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export LOOKOUT_ROOT

# Everything downloaded or built outside the repository lives here, so a second run on the same
# machine (or a fresh clone beside the first) reuses it.
export LOOKOUT_CACHE="${LOOKOUT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lookout}"

# Pinned tool versions. OpenTelemetry JS 3.x needs Node >= 22.15; CI runs the SDK suite on both
# supported majors.
LOOKOUT_NODE_24="24.22.3"
LOOKOUT_NODE_22="22.23.5"
LOOKOUT_PNPM="10.34.9"
LOOKOUT_NODE_MIN="22.15.0"

log() { printf '\033[1;34m[lookout]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[lookout]\033[0m %s\n' "$*" >&2; exit 1; }

# node_dir <version>: where the pinned Node binary of that version is unpacked.
node_dir() { printf '%s/node-%s' "$LOOKOUT_CACHE" "$1"; }

version_at_least() { # version_at_least <have> <want>
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

# Put a suitable Node first on PATH: the machine's own when it is new enough, else the pinned 24.
use_node() {
  local want="${1:-}"
  if [ -n "$want" ]; then
    PATH="$(node_dir "$want")/bin:$PATH"
  elif ! command -v node >/dev/null || ! version_at_least "$(node -p process.versions.node)" "$LOOKOUT_NODE_MIN"; then
    PATH="$(node_dir "$LOOKOUT_NODE_24")/bin:$PATH"
  fi
  PATH="$LOOKOUT_CACHE/pnpm-$LOOKOUT_PNPM/node_modules/.bin:$LOOKOUT_ROOT/node_modules/.bin:$PATH"
  export PATH
}

use_node
