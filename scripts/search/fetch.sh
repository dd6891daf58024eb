#!/usr/bin/env bash
# Downloads a search server's integ-test zip from Maven Central once and unpacks it into
# ${AUDITLENS_CACHE:-$HOME/.cache/auditlens}/<product>-<version>/, outside the clone so CI's
# fresh clones reuse it. Usage: fetch.sh elasticsearch|opensearch. Prints the unpacked path.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.sh
source "$here/versions.sh"
product="${1:?usage: fetch.sh elasticsearch|opensearch}"
product_vars "$product"
if [ -x "$home_dir/bin/$product" ]; then
  echo "$home_dir"
  exit 0
fi
command -v mvn >/dev/null || { echo "fetch: Maven (mvn) is not installed" >&2; exit 1; }
command -v unzip >/dev/null || { echo "fetch: unzip is not installed" >&2; exit 1; }
command -v flock >/dev/null || { echo "fetch: flock (util-linux) is not installed" >&2; exit 1; }
mkdir -p "$cache"
work="$(mktemp -d "$cache/.fetch-$product-XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "fetch: downloading $artifact (first time only)…" >&2
start=$(date +%s)
# One Maven at a time: two fetches at once (test-stores.sh starts both servers together)
# would otherwise download the same plugins into ~/.m2 concurrently.
flock "$cache/.maven.lock" mvn -B -q dependency:copy -Dartifact="$artifact" \
  -DoutputDirectory="$work/zip" >&2
zip="$(find "$work/zip" -name '*.zip' | head -1)"
[ -n "$zip" ] || { echo "fetch: Maven gave no zip for $artifact" >&2; exit 1; }
unzip -q "$zip" -d "$work/unpacked"
top="$(find "$work/unpacked" -mindepth 1 -maxdepth 1 -type d | head -1)"
[ -x "$top/bin/$product" ] || { echo "fetch: $zip has no bin/$product" >&2; exit 1; }
# Rename into place in one step so an interrupted fetch never leaves a half tree behind.
if ! mv -T "$top" "$home_dir" 2>/dev/null; then
  [ -x "$home_dir/bin/$product" ] || { echo "fetch: could not move into $home_dir" >&2; exit 1; }
fi
echo "fetch: $product $version ready in $(( $(date +%s) - start )) s" >&2
echo "$home_dir"
