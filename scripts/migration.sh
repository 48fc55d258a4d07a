#!/usr/bin/env bash
# npm run migration:generate -- <Name>   writes libs/database/src/migrations/<timestamp>-<Name>.ts
# npm run migration:check                 fails when the entities differ from what the migrations build
# Both work on a scratch database built from the committed migrations, so your own data is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="$1"; name="${2:-}"
if [ "$mode" = generate ] && [ -z "$name" ]; then
  echo "usage: npm run migration:generate -- <NameInPascalCase> (e.g. AddFilingDeadlineToFiles)" >&2
  exit 2
fi
server="${MIGRATION_SERVER_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
scratch="permitdesk_migration_$$"
scratch_url="${server%/*}/$scratch"
psql "$server" -qc "CREATE DATABASE $scratch" >/dev/null
trap 'psql "$server" -qc "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" >/dev/null' EXIT
export DATABASE_URL="$scratch_url"
export JWT_SECRET="${JWT_SECRET:-migration-scratch-secret-not-used-for-anything}"
export DATA_ENCRYPTION_KEY="${DATA_ENCRYPTION_KEY:-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=}"
ds=dist/libs/database/src/data-source.js
npx typeorm migration:run -d "$ds" > /dev/null
if [ "$mode" = check ]; then
  npx typeorm migration:generate libs/database/src/migrations/Missing -d "$ds" --check --dryrun > /tmp/permitdesk-migration-check.txt 2>&1 \
    && echo "migrations match the entities" \
    || { cat /tmp/permitdesk-migration-check.txt; echo "A migration is missing: run npm run migration:generate -- <Name>" >&2; exit 1; }
else
  npx typeorm migration:generate "libs/database/src/migrations/$name" -d "$ds" --pretty
  echo "Now add the new class to libs/database/src/migrations/index.ts, read and tidy the SQL, and commit it with the entity."
fi
