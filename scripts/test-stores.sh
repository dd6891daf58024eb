#!/usr/bin/env bash
# Starts (or stops) the real stores the tests run against: Loki, Elasticsearch and
# OpenSearch, each on free loopback ports with a fresh data directory.
#
#   test-stores.sh start STATE_DIR   starts all three in parallel, waits until each is ready,
#                                    and writes STATE_DIR/stores.env (LOKI_URL=..., ...)
#   test-stores.sh stop STATE_DIR    stops whatever start left running
#
# Downloads and builds are cached under ${AUDITLENS_CACHE:-$HOME/.cache/auditlens}, so only
# the first run on a machine pays for them (Loki's build ~9–30 min, the two zips ~1 min).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cmd="${1:?usage: test-stores.sh start|stop STATE_DIR}"
state="${2:?usage: test-stores.sh start|stop STATE_DIR}"
mkdir -p "$state"

start_one() { # name command...
  local name="$1"
  shift
  if "$@" >"$state/$name.env" 2>"$state/$name.err"; then
    echo "$name: $(cat "$state/$name.env")"
  else
    echo "$name: failed to start:" >&2
    cat "$state/$name.err" >&2
    return 1
  fi
}

case "$cmd" in
  start)
    start_one loki bash "$here/loki/start-loki.sh" &
    l=$!
    start_one elasticsearch bash "$here/search/start.sh" elasticsearch &
    e=$!
    start_one opensearch bash "$here/search/start.sh" opensearch &
    o=$!
    status=0
    wait "$l" || status=1
    wait "$e" || status=1
    wait "$o" || status=1
    cat "$state"/*.env | tr ' ' '\n' | grep '=' >"$state/stores.env" || true
    exit "$status"
    ;;
  stop)
    if [ -f "$state/loki.env" ]; then
      # shellcheck disable=SC1091
      (eval "$(cat "$state/loki.env")" && bash "$here/loki/stop-loki.sh" "$LOKI_PID" "$LOKI_DATA_DIR") || true
    fi
    if [ -f "$state/elasticsearch.env" ]; then
      (eval "$(cat "$state/elasticsearch.env")" && bash "$here/search/stop.sh" "$ELASTICSEARCH_PID" "$ELASTICSEARCH_DIR") || true
    fi
    if [ -f "$state/opensearch.env" ]; then
      (eval "$(cat "$state/opensearch.env")" && bash "$here/search/stop.sh" "$OPENSEARCH_PID" "$OPENSEARCH_DIR") || true
    fi
    ;;
  *)
    echo "usage: test-stores.sh start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
