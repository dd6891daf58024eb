#!/usr/bin/env bash
# Starts Loki for the tests on free loopback ports with a fresh data directory, waits until
# it is ready, and prints `LOKI_URL=... LOKI_PID=... LOKI_DATA_DIR=...` for the caller.
# Stop it with stop-loki.sh (or kill the PID). Builds Loki first if it is not cached.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$(bash "$here/build-loki.sh")"
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
export LOKI_HTTP_PORT="${LOKI_HTTP_PORT:-$(free_port)}"
export LOKI_GRPC_PORT="${LOKI_GRPC_PORT:-$(free_port)}"
export LOKI_DATA_DIR="${LOKI_DATA_DIR:-$(mktemp -d /tmp/auditlens-loki-XXXXXX)}"
log="$LOKI_DATA_DIR/loki.log"
"$bin" -config.file="$here/loki-config.yaml" -config.expand-env=true >"$log" 2>&1 &
pid=$!
url="http://127.0.0.1:$LOKI_HTTP_PORT"
for _ in $(seq 1 120); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start-loki: Loki exited; its log ($log):" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/ready")" = 200 ]; then
    echo "LOKI_URL=$url LOKI_PID=$pid LOKI_DATA_DIR=$LOKI_DATA_DIR"
    exit 0
  fi
  sleep 0.5
done
echo "start-loki: Loki not ready after 60 s; its log ($log):" >&2
tail -20 "$log" >&2
kill "$pid" 2>/dev/null || true
exit 1
