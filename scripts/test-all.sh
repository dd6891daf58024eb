#!/usr/bin/env bash
# Installs everything the tests need and runs them all: lint, format, types, unit and
# integration tests (vitest), then the browser and HTTP tests (Playwright in Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1
export TZ=UTC
export CI="${CI:-}"

step() { printf '\n== %s ==\n' "$*"; }

step "install node packages"
# `npm install` honours package-lock.json; `npm ci` refuses it because the registry this
# machine reaches lacks some other platforms' optional binaries, so the lock cannot list them.
npm install --no-audit --no-fund

step "ensure Chromium"
bash scripts/ensure-chromium.sh

step "start Loki, Elasticsearch and OpenSearch (in the background)"
# The conformance suites and e2e tests run against the real servers; starting them while
# lint and type checks run hides most of their start-up time. Stopped on any exit.
stores_state="$(mktemp -d /tmp/auditlens-stores-XXXXXX)"
cleanup() { bash scripts/test-stores.sh stop "$stores_state" || true; rm -rf "$stores_state"; }
trap cleanup EXIT
bash scripts/test-stores.sh start "$stores_state" >"$stores_state/start.log" 2>&1 &
stores_job=$!

step "lint, format, types"
npm run lint
npm run format:check
npm run typecheck

step "wait for the stores"
if ! wait "$stores_job"; then
  cat "$stores_state/start.log"
  echo "a store failed to start" >&2
  exit 1
fi
cat "$stores_state/start.log"
set -a
# shellcheck disable=SC1091
. "$stores_state/stores.env"
set +a
# A suite whose server URL is missing fails instead of skipping.
export AUDITLENS_REQUIRE_STORES=1

step "unit and integration tests (vitest)"
npx vitest run

step "build the dashboard"
npm run build

step "end-to-end tests (Playwright, Chromium)"
npx playwright test
