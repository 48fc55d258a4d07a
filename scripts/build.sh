#!/usr/bin/env bash
# `npm run build`: the API client's types and the three web apps side by side (each keeps one core busy), then
# the servers, CLI and libs (tsc, then tsc-alias for the @app/* imports). The web apps only erase the types, so
# they need not wait for them; tsc-alias runs once vite has written dist/web, and so never reads a file vite is
# still writing.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run --silent api-client &
types=$!
npm run --silent build:web &
web=$!
status=0
wait "$types" || status=$?
wait "$web" || status=$?
[ "$status" = 0 ] || { echo "the build failed (see above)" >&2; exit "$status"; }

tsc -p tsconfig.build.json
tsc-alias -p tsconfig.build.json
