#!/usr/bin/env bash
# `npm test`: everything CI checks, in order. Installs the system packages the tests need when
# they are missing (Chromium for the browser tests, PostgreSQL for the second database run).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "Root rights are needed to run: $*" >&2
    return 1
  fi
}

# Node 24 comes from node_modules (devDependency "node"); npm scripts put it first on the PATH.
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 24 ]; then
  echo "Node $(node --version) is too old: run through npm (npm test), which uses node_modules/.bin/node (Node 24)." >&2
  exit 1
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  step "Installing ${missing[*]} (apt-get)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

step "Type check"
npx --no-install tsc --noEmit -p .

step "Lint"
npx --no-install eslint .

step "Locales"
npx --no-install tsx scripts/check-locales.ts

step "Migrations"
bash scripts/check-migrations.sh

step "Web assets"
npx --no-install tsx scripts/build-web.ts

step "Tests (unit, PGlite, PostgreSQL, browser)"
npx --no-install vitest run

echo
echo "All checks passed."
