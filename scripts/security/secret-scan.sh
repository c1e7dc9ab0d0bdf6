#!/usr/bin/env bash
# Scans the working tree (uncommitted files included) and the git history for secrets with
# gitleaks, using its maintained rules plus a rule for Lookout API keys (gitleaks.toml).
# Findings are printed redacted; the exit code is 1 when any is found.
# Usage: scripts/security/secret-scan.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../lib/env.sh"
cd "$LOOKOUT_ROOT"

gitleaks="$("$here/install-gitleaks.sh")"
config="$here/gitleaks.toml"
# --redact keeps the secrets themselves out of CI logs.
"$gitleaks" dir --no-banner --redact --config "$config" --exit-code 1 .
if git rev-parse --git-dir >/dev/null 2>&1; then
  "$gitleaks" git --no-banner --redact --config "$config" --exit-code 1 .
fi
log "no secrets found"
