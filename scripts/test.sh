#!/usr/bin/env bash
# The README's test command: installs what is missing, builds what the tests run against, then
# runs every test. Usage: scripts/test.sh [vitest filters...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/env.sh

started=$SECONDS
step() { log "$1 ($((SECONDS - started))s)"; }

step "setup"
scripts/setup.sh

step "sidecar build"
packages/sidecar/build.sh

if [ -x scripts/docker/engine.sh ]; then
  step "docker engine and local images"
  scripts/docker/engine.sh
  [ -x scripts/compose/install.sh ] && scripts/compose/install.sh
fi

step "lint and types"
pnpm exec biome check .
pnpm -r --parallel typecheck

step "tests on Node $(node -v)"
pnpm exec vitest run "$@"

step "SDK tests on Node $LOOKOUT_NODE_22"
PATH="$(node_dir "$LOOKOUT_NODE_22")/bin:$PATH" pnpm exec vitest run --project sdk "$@"

if [ -x scripts/security/check.sh ]; then
  step "security checks"
  scripts/security/check.sh
fi

step "all tests passed"
