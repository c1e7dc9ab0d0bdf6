#!/usr/bin/env bash
# The README's demo command: installs what is missing, then brings up the monitoring stack, the
# two instrumented example services and steady traffic, and prints where to look. Ctrl-C stops
# everything it started.
#
# Where a Docker engine can pull the stack's images, the full compose stack (with Grafana, Loki
# and Tempo) runs; otherwise the stack runs natively from Debian's Prometheus and Alertmanager
# and the sidecar binary, with OTLP receivers standing in for Tempo and Loki.
# Force one with LOOKOUT_DEMO_MODE=compose or LOOKOUT_DEMO_MODE=native; LOADGEN_RPS sets traffic.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/env.sh

scripts/setup.sh
packages/sidecar/build.sh

can_pull_stack_images() {
  command -v docker >/dev/null && docker info >/dev/null 2>&1 && docker compose version >/dev/null 2>&1 || return 1
  # One small image of the stack decides: pulling works, or it does not here.
  timeout 60 docker pull -q redis:7.4.2 >/dev/null 2>&1
}

mode="${LOOKOUT_DEMO_MODE:-auto}"
if [ "$mode" = auto ]; then
  if can_pull_stack_images; then mode=compose; else mode=native; fi
fi

if [ "$mode" = compose ]; then
  log "running the compose stack (Grafana on http://localhost:3000, admin/admin)"
  scripts/compose/secrets.sh
  scripts/compose/build-images.sh
  cd compose
  trap 'docker compose --profile demo down' EXIT
  docker compose --profile demo up --build
else
  log "no Docker engine that can pull images here: running the stack natively"
  cd packages/example-service
  exec node demo/run-demo.ts
fi
