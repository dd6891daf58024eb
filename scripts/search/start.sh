#!/usr/bin/env bash
# Starts Elasticsearch or OpenSearch for the tests: as the unprivileged user `auditlens`, on
# 127.0.0.1 with free HTTP and transport ports, a 512 MB heap and a fresh data directory.
# Waits for green/yellow and prints `ELASTICSEARCH_URL=... ELASTICSEARCH_PID=...
# ELASTICSEARCH_DIR=...` (or OPENSEARCH_*) for `eval`. Stop it with stop.sh PID DIR.
# Usage: start.sh elasticsearch|opensearch (fetches the server first if it is not cached).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.sh
source "$here/versions.sh"
product="${1:?usage: start.sh elasticsearch|opensearch}"
product_vars "$product"
home_dir="$(bash "$here/fetch.sh" "$product")"
user=auditlens
timeout_s="${AUDITLENS_SEARCH_START_TIMEOUT:-180}"

[ -x "$java_home/bin/java" ] || { echo "start: no JDK at $java_home (need OpenJDK 17)" >&2; exit 1; }
# Both servers refuse to run as root: as root (CI, this machine) they run as the
# unprivileged user `auditlens`; anyone else runs them as themselves.
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  run_as=(runuser -u "$user" --)
  # (Both servers may start at once: the loser of a useradd race finds the user there.)
  if ! id -u "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$user" 2>/dev/null ||
      id -u "$user" >/dev/null
  fi
  if [ "$(stat -c %U "$home_dir")" != "$user" ]; then chown -R "$user" "$home_dir"; fi
  # The cache usually lives under root's home (mode 700): let the user traverse (not list)
  # the directories above the server, or it cannot even start its launcher.
  d="$home_dir"
  while [ "$d" != / ]; do
    d="$(dirname "$d")"
    if ! runuser -u "$user" -- test -x "$d"; then
      echo "start: allowing $user to traverse $d (chmod o+x)" >&2
      chmod o+x "$d"
    fi
  done
fi

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
http_port="$(free_port)"
transport_port="$(free_port)"
dir="$(mktemp -d "/tmp/auditlens-$product-XXXXXX")"
mkdir -p "$dir/data" "$dir/logs"
if [ "${#run_as[@]}" -gt 0 ]; then chown -R "$user" "$dir"; fi
# The server writes its own log under $dir/logs; stdout/stderr go here (startup failures).
console="$dir/console.log"

settings=(
  -E discovery.type=single-node
  -E "cluster.name=auditlens-test"
  -E http.host=127.0.0.1 -E "http.port=$http_port"
  -E transport.host=127.0.0.1 -E "transport.port=$transport_port"
  -E "path.data=$dir/data" -E "path.logs=$dir/logs"
  # Tests fill the disk of a shared machine; don't let the watermarks make indices read-only.
  -E cluster.routing.allocation.disk.threshold_enabled=false
)
heap="-Xms512m -Xmx512m"
if [ "$product" = elasticsearch ]; then
  settings+=(-E xpack.security.enabled=false)
  env_vars=(ES_JAVA_HOME="$java_home" ES_JAVA_OPTS="$heap")
else
  env_vars=(OPENSEARCH_JAVA_HOME="$java_home" OPENSEARCH_JAVA_OPTS="$heap")
fi

# setsid: the server gets its own process group, so stopping the tests' shell leaves it alone.
setsid "${run_as[@]}" env "${env_vars[@]}" "$home_dir/bin/$product" "${settings[@]}" \
  >"$console" 2>&1 </dev/null &
launcher=$!
url="http://127.0.0.1:$http_port"

fail() {
  echo "start: $product $1; the last lines of its logs ($dir):" >&2
  tail -n 30 "$console" >&2 || true
  tail -n 30 "$dir/logs/auditlens-test.log" >&2 2>/dev/null || true
  # setsid made the launcher a process-group leader: this stops it and the JVM it started.
  kill -TERM -- "-$launcher" 2>/dev/null || true
  sleep 2
  rm -rf "$dir"
  exit 1
}

deadline=$(( $(date +%s) + timeout_s ))
while :; do
  # The JVM is the process listening on the HTTP port (ES's launcher forks it).
  status="$(curl -s -m 5 "$url/_cluster/health?wait_for_status=yellow&timeout=5s" 2>/dev/null || true)"
  case "$status" in
    *'"status":"green"'* | *'"status":"yellow"'*) break ;;
  esac
  kill -0 "$launcher" 2>/dev/null || fail "exited before it was ready"
  [ "$(date +%s)" -lt "$deadline" ] || fail "not green or yellow after ${timeout_s} s"
  sleep 1
done
pid="$(ss -Hltnp "sport = :$http_port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
[ -n "$pid" ] || fail "is ready but no process owns port $http_port"
echo "${env_prefix}_URL=$url ${env_prefix}_PID=$pid ${env_prefix}_DIR=$dir"
