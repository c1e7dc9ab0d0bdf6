#!/usr/bin/env bash
# Fails when a .env file is tracked by git: those hold real secrets by convention, and .gitignore
# only keeps them out of new commits, not out of ones made with `git add -f`.
# Templates (.env.example, .env.production.example, *.sample, *.template) are allowed.
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"
cd "$LOOKOUT_ROOT"

tracked="$(git ls-files | grep -E '(^|/)\.env(\.[^/]*)?$|(^|/)\.envrc$' \
  | grep -vE '\.(example|sample|template)$' || true)"
if [ -n "$tracked" ]; then
  printf '%s\n' "$tracked" | sed 's/^/  committed: /' >&2
  die "remove these files from git (git rm --cached <file>), rotate any secret they held, and keep a .example template instead"
fi
log "no .env file is tracked"
