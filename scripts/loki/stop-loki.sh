#!/usr/bin/env bash
# Stops a Loki started by start-loki.sh: stop-loki.sh PID [DATA_DIR]
set -euo pipefail
pid="${1:?usage: stop-loki.sh PID [DATA_DIR]}"
kill "$pid" 2>/dev/null || true
for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
kill -9 "$pid" 2>/dev/null || true
if [ -n "${2:-}" ]; then rm -rf "$2"; fi
