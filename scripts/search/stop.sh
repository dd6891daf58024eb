#!/usr/bin/env bash
# Stops a server started by start.sh: stop.sh PID DIR. SIGTERM to the server JVM (the PID
# start.sh printed; ES's launcher process exits with it), a wait, then SIGKILL if needed,
# and removes its data directory.
set -euo pipefail
pid="${1:?usage: stop.sh PID DIR}"
dir="${2:?usage: stop.sh PID DIR}"
kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
if kill -0 "$pid" 2>/dev/null; then
  echo "stop: $pid still running after 30 s; sending SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
fi
case "$dir" in
  /tmp/auditlens-elasticsearch-* | /tmp/auditlens-opensearch-*) rm -rf "$dir" ;;
  *) echo "stop: not removing $dir (not a directory start.sh made)" >&2 ;;
esac
