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

step "lint, format, types"
npm run lint
npm run format:check
npm run typecheck

step "unit and integration tests (vitest)"
npx vitest run

step "build the dashboard"
npm run build

step "end-to-end tests (Playwright, Chromium)"
npx playwright test
