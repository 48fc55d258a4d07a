#!/usr/bin/env bash
# The API's TypeScript types, generated from its OpenAPI document and formatted as the rest of the tree.
#   generate.sh          writes libs/api-client/src/schema.d.ts
#   generate.sh --check  fails when the committed file differs from what the document generates
set -euo pipefail
cd "$(dirname "$0")/../../.."
document=libs/api-client/openapi.json
target=libs/api-client/src/schema.d.ts

# Defaults do not make a property required: a request body may leave out any field that has one.
generated=$(openapi-typescript "$document" --default-non-nullable false |
  prettier --stdin-filepath "$target")

if [ "${1:-}" = "--check" ]; then
  if ! diff -q <(printf '%s\n' "$generated") "$target" >/dev/null 2>&1; then
    echo "generated API types are stale: run npm run api-client" >&2
    exit 1
  fi
  echo "generated API types match $document"
else
  printf '%s\n' "$generated" >"$target"
  echo "wrote $target from $document"
fi
