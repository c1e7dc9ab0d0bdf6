#!/usr/bin/env bash
# Creates the demo stack's secret files (compose/secrets/) that do not exist yet: random tokens
# and passwords, and a local demo value for the Slack URL. Never overwrites a file, so a value you
# set stays. Prints where the Grafana admin password is, not the password.
#
# Usage: scripts/compose/secrets.sh [directory]   (default: compose/secrets)
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"

SECRETS_DIR="${1:-$LOOKOUT_ROOT/compose/secrets}"

# random_value: 32 bytes from the kernel, URL-safe, no trailing newline.
random_value() { head -c 32 /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'; }

# write_once <file> <value>: creates the file unless it exists.
write_once() {
  local file="$SECRETS_DIR/$1"
  [ -e "$file" ] && return
  # Readable by the containers' non-root users; the directory is what keeps others out.
  (umask 022 && printf '%s' "$2" >"$file")
  log "created $file"
}

main() {
  mkdir -p "$SECRETS_DIR"
  chmod 0755 "$SECRETS_DIR"
  write_once lookout-admin-token "$(random_value)"
  write_once grafana-admin-password "$(random_value)"
  write_once alertmanager-webhook-token "$(random_value)"
  write_once alertmanager-heartbeat-token "$(random_value)"
  write_once alertmanager-smtp-password "$(random_value)"
  write_once alertmanager-pagerduty-routing-key "$(random_value)"
  # The demo's Slack "workspace" is the stand-in incident webhook, which prints each message, so
  # tickets stay on the machine. Put a real Slack webhook URL in the file to see them in a channel.
  write_once alertmanager-slack-api-url 'http://incident-webhook:9095/slack'
  printf 'Grafana admin password: %s/grafana-admin-password\n' "$SECRETS_DIR"
}

main "$@"
