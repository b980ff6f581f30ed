#!/usr/bin/env bash
# Fails when the Drizzle schema files (server/modules/*/*.schema.ts) and db/migrations drift apart:
# drizzle-kit generates into a temporary copy of the migrations folder and must find nothing to do.
# Nothing is left behind in db/migrations.
set -euo pipefail
cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp -R db/migrations "$tmp/migrations"
# drizzle-kit prefixes the folder with "./": hand it a relative path.
out="$(realpath --relative-to=. "$tmp/migrations")"
before="$(find "$tmp/migrations" -type f | sort | xargs cat | sha256sum)"

if ! output="$(npx --no-install drizzle-kit generate --dialect=postgresql --schema='./server/modules/*/*.schema.ts' --out="$out" --name=drift-check 2>&1)"; then
  printf '%s\n' "$output" >&2
  echo "check:migrations: drizzle-kit failed." >&2
  exit 1
fi
after="$(find "$tmp/migrations" -type f | sort | xargs cat | sha256sum)"

if [[ "$output" == *"No schema changes"* && "$before" == "$after" ]]; then
  echo "check:migrations: schema and migrations agree."
  exit 0
fi

printf '%s\n' "$output" >&2
echo >&2
echo "check:migrations: the schema files and db/migrations have drifted apart." >&2
echo "Run 'npx drizzle-kit generate --name=<what>' and commit the new migration. It would contain:" >&2
find "$tmp/migrations" -name '*drift-check*.sql' -exec cat {} \; >&2
exit 1
