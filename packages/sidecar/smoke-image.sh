#!/usr/bin/env bash
# Proves the sidecar image works: runs it with a fresh named queue volume, waits until Docker's
# HEALTHCHECK reports it healthy, checks that the collector runs as uid 10001 and wrote its
# queues into the volume, then removes the container and the volume.
#
# Host networking with every port moved to a free one keeps all traffic on loopback and clear
# of other services on the machine. The backends point at a closed port: the sidecar must be
# healthy without them.
#
# Usage: packages/sidecar/smoke-image.sh [image]   (default: lookout/sidecar:<package version>)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../scripts/lib/env.sh
source "$here/../../scripts/lib/env.sh"

version="$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$here/package.json")"
image="${1:-lookout/sidecar:$version}"
name="lookout-sidecar-smoke-$$"
readonly healthy_timeout_s=60

free_ports() { # free_ports <count>: distinct ports free on 127.0.0.1 a moment ago
  node -e '
    const net = require("node:net");
    const want = Number(process.argv[1]);
    const servers = Array.from({ length: want }, () => net.createServer());
    Promise.all(servers.map((s) => new Promise((ok) => s.listen(0, "127.0.0.1", ok)))).then(() => {
      console.log(servers.map((s) => s.address().port).join(" "));
      for (const s of servers) s.close();
    });' "$1"
}

cleanup() {
  docker rm -f "$name" >/dev/null 2>&1 || true
  docker volume rm "$name" >/dev/null 2>&1 || true
}
trap cleanup EXIT

wait_healthy() {
  local deadline=$((SECONDS + healthy_timeout_s)) status
  while :; do
    status="$(docker inspect -f '{{.State.Health.Status}}' "$name")"
    [ "$status" = healthy ] && return
    if [ "$status" = unhealthy ] || [ $SECONDS -ge $deadline ]; then
      docker logs "$name" 2>&1 | tail -n 20 >&2
      die "$image is $status, not healthy (waited up to ${healthy_timeout_s}s)"
    fi
    sleep 1
  done
}

main() {
  "$LOOKOUT_ROOT/scripts/docker/engine.sh"
  read -r grpc http health telemetry closed < <(free_ports 5)
  docker volume create "$name" >/dev/null
  docker run -d --name "$name" --network host -v "$name:/var/lib/otelcol/queue" \
    -e LOOKOUT_OTLP_GRPC_PORT="$grpc" -e LOOKOUT_OTLP_HTTP_PORT="$http" \
    -e LOOKOUT_HEALTH_PORT="$health" -e LOOKOUT_TELEMETRY_PORT="$telemetry" \
    -e LOOKOUT_TEMPO_ENDPOINT="http://127.0.0.1:$closed" \
    -e LOOKOUT_LOKI_ENDPOINT="http://127.0.0.1:$closed/otlp" \
    -e LOOKOUT_PROMETHEUS_REMOTE_WRITE_URL="http://127.0.0.1:$closed/api/v1/write" \
    -e LOOKOUT_METRICS_TARGET="127.0.0.1:$closed" -e GOMEMLIMIT=400MiB \
    --health-interval=1s --health-start-period=10s "$image" >/dev/null
  wait_healthy
  log "$image is healthy"

  local uid
  uid="$(docker top "$name" -o pid,uid | awk 'NR == 2 { print $2 }')"
  [ "$uid" = 10001 ] || die "the collector runs as uid $uid, not 10001"
  # The image has no shell, so the volume is read through the base image.
  docker run --rm --network none -v "$name:/q" lookout/debian:bookworm \
    find /q -maxdepth 1 -name 'exporter_otlp_http_*' -user 10001 | grep -q . ||
    die "no queue files owned by uid 10001 in the volume"
  curl -fsS "http://127.0.0.1:$telemetry/metrics" | grep -q '^otelcol_process_uptime' ||
    die "own metrics not served on the telemetry port"
  log "smoke test passed: healthy, uid 10001, queue on the volume, own metrics served"
}

main "$@"
