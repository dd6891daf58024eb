#!/usr/bin/env bash
# npm run bench: every benchmark in one run, printing figures (no pass/fail).
#   1. the embedded store (DuckDB): ingest rate, timeline, breakdowns, first page
#   2. Loki, Elasticsearch and OpenSearch: Auditlens's queries through the API/adapter
#      versus the direct store request and (Loki) the naive `| json` LogQL
#   3. the explorer in Chromium: navigation to every panel drawn
# BENCH_EVENTS (default 1,000,000) sizes every dataset; BENCH_ONLY=embedded|stores|ui runs
# one part. The stores are started (and stopped) here unless LOKI_URL, ELASTICSEARCH_URL or
# OPENSEARCH_URL point at running ones.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 TZ=UTC
export BENCH_EVENTS="${BENCH_EVENTS:-1000000}"
only="${BENCH_ONLY:-all}"
want() { [ "$only" = all ] || [ "$only" = "$1" ]; }

if want embedded; then
  printf '\n== embedded store (DuckDB), %s events ==\n' "$BENCH_EVENTS"
  npx tsx scripts/bench.ts
fi

if want stores; then
  printf '\n== Loki, Elasticsearch, OpenSearch, %s events ==\n' "$BENCH_EVENTS"
  if [ -z "${LOKI_URL:-}${ELASTICSEARCH_URL:-}${OPENSEARCH_URL:-}" ]; then
    state="$(mktemp -d /tmp/auditlens-bench-stores-XXXXXX)"
    trap 'bash scripts/test-stores.sh stop "$state"; rm -rf "$state"' EXIT
    bash scripts/test-stores.sh start "$state"
    set -a
    # shellcheck disable=SC1091
    . "$state/stores.env"
    set +a
  fi
  if [ -n "${LOKI_URL:-}" ]; then npx tsx scripts/bench/loki-bench.ts; fi
  if [ -n "${ELASTICSEARCH_URL:-}${OPENSEARCH_URL:-}" ]; then
    npx tsx scripts/bench/elasticsearch-bench.ts
  fi
fi

if want ui; then
  printf '\n== explorer in Chromium, %s events ==\n' "$BENCH_EVENTS"
  [ -d .next ] || npm run build
  npx tsx scripts/bench-ui.ts --events "$BENCH_EVENTS"
fi
