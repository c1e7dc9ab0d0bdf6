#!/usr/bin/env bash
# The README's test command: installs what is missing, builds what the tests run against, then
# runs every test. CI (.ci/run) calls exactly this.
#
# Builds that do not depend on each other run side by side: the collector, the Docker Compose
# plugin and the secret scanner are Go builds that spend much of their first run downloading.
# Each is cached under $LOOKOUT_CACHE, so a second run on the same machine skips them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/env.sh

started=$SECONDS
step() { log "$1 (at $((SECONDS - started))s)"; }
logs="$LOOKOUT_CACHE/test-logs"
mkdir -p "$logs"

# background <name> <command...>: runs a build in the background, its output in a log file.
declare -A jobs=()
background() {
  local name="$1"; shift
  "$@" >"$logs/$name.log" 2>&1 &
  jobs[$name]=$!
}
# await <name>: waits for a background build and shows its log if it failed.
await() {
  if ! wait "${jobs[$1]}"; then
    cat "$logs/$1.log" >&2
    die "$1 failed (log: $logs/$1.log)"
  fi
  log "$1 ready"
}

step "setup: Debian packages, Node.js, pnpm, dependencies, workspace build"
scripts/setup.sh

step "builds: sidecar collector, Docker engine and Compose plugin, secret scanner"
background sidecar packages/sidecar/build.sh
background docker bash -c 'scripts/docker/engine.sh && scripts/compose/install.sh'
background gitleaks scripts/security/install-gitleaks.sh

step "lint and types"
pnpm exec biome check .
pnpm -r --parallel --reporter-hide-prefix typecheck

await docker
await gitleaks
await sidecar

step "package tests on Node $(node -v)"
pnpm exec vitest run --project '!e2e'

step "end-to-end tests on Node $(node -v), one file at a time (they measure latency)"
pnpm exec vitest run --project e2e

step "SDK tests on Node $LOOKOUT_NODE_22"
PATH="$(node_dir "$LOOKOUT_NODE_22")/bin:$PATH" pnpm exec vitest run --project sdk

step "repository security checks"
scripts/security/check.sh

step "all tests passed in $((SECONDS - started))s"
