#!/usr/bin/env bash
# The repository's security checks, as CI runs them: no committed .env file, only allow-listed
# licenses in the production dependency tree, no secret in the working tree or the history, and
# no known-vulnerable production dependency where the registry's audit API answers.
# Every check runs even when an earlier one fails; the exit code is 1 if any failed.
# Usage: scripts/security/check.sh
set -uo pipefail
source "$(dirname "$0")/../lib/env.sh"
cd "$LOOKOUT_ROOT" || exit 1

failed=()
check() { # check <name> <command...>
  local name="$1"
  shift
  log "security check: $name"
  "$@" || failed+=("$name")
}

check "no committed .env files" scripts/security/no-env-files.sh
check "production licenses" node scripts/security/check-licenses.mjs
check "secret scan" scripts/security/secret-scan.sh
check "dependency audit" scripts/security/audit-deps.sh

if [ ${#failed[@]} -gt 0 ]; then
  die "security checks failed: ${failed[*]}"
fi
log "security checks passed"
