#!/usr/bin/env bash
# Makes sure a Docker engine answers, starting the machine's dockerd in the background when none
# does. Idempotent and safe to run concurrently: a second caller waits for the first one's engine.
#
# Usage: scripts/docker/engine.sh          ensure an engine (prints nothing when one answers)
#        scripts/docker/engine.sh stop     stop the dockerd this script started, if any
#
# Findings on this machine (Debian's docker.io 20.10 daemon, API 1.41, with a v28 CLI at
# /usr/local/bin/docker): the CLI negotiates the API version down by itself, so
# DOCKER_API_VERSION is not needed. The v28 CLI has no buildx plugin, so `docker build` needs
# the legacy builder (DOCKER_BUILDKIT=0); packages/sidecar/build-image.sh sets it.
set -euo pipefail
# shellcheck source=../lib/env.sh
source "$(dirname "$0")/../lib/env.sh"

state_dir="$LOOKOUT_CACHE/docker"
log_file="$state_dir/dockerd.log"
pid_file="$state_dir/dockerd.pid"
readonly start_timeout_s=60

engine_answers() { docker info >/dev/null 2>&1; }

start_dockerd() {
  command -v dockerd >/dev/null || die "no Docker engine answers and dockerd is not installed (apt-get install docker.io)"
  [ "$(id -u)" -eq 0 ] || die "no Docker engine answers; starting dockerd needs root"
  log "starting dockerd (log: $log_file)"
  # setsid: the daemon must outlive this script and the process group of whoever called it.
  # 9>&-: it must not inherit the lock, or every later caller would wait on it forever.
  setsid dockerd >>"$log_file" 2>&1 </dev/null 9>&- &
  echo $! >"$pid_file"
}

wait_for_engine() {
  local deadline=$((SECONDS + start_timeout_s))
  until engine_answers; do
    if [ -f "$pid_file" ] && ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      tail -n 20 "$log_file" >&2
      die "dockerd exited during start; see $log_file"
    fi
    [ $SECONDS -lt $deadline ] || die "dockerd did not answer within ${start_timeout_s}s; see $log_file"
    sleep 0.5
  done
}

stop_dockerd() {
  [ -f "$pid_file" ] || return 0
  local pid; pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping dockerd ($pid)"
    kill "$pid"
    # dockerd stops its containers first; give it the time it asks for.
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$pid_file"
}

main() {
  mkdir -p "$state_dir"
  exec 9>"$state_dir/engine.lock"
  flock 9
  if [ "${1:-}" = stop ]; then stop_dockerd; return; fi
  engine_answers && return
  start_dockerd
  wait_for_engine
  log "Docker engine ready: $(docker version --format '{{.Server.Version}}' 2>/dev/null)"
}

main "$@"
