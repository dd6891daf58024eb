#!/usr/bin/env bash
# Pinned search-server versions and Maven coordinates, sourced by fetch.sh and start.sh:
# `product_vars PRODUCT` sets artifact, version, java_home and env_prefix for that product.
product_vars() {
  case "$1" in
    elasticsearch)
      version=8.19.21
      artifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$version:zip"
      env_prefix=ELASTICSEARCH
      ;;
    opensearch)
      version=2.19.6
      artifact="org.opensearch.distribution.integ-test-zip:opensearch:$version:zip"
      env_prefix=OPENSEARCH
      ;;
    *)
      echo "unknown product '$1' (expected elasticsearch or opensearch)" >&2
      return 1
      ;;
  esac
  # OpenSearch 2.19 needs JDK 17 (25 fails on the Security Manager); ES 8.19 runs on 17 too.
  java_home="${AUDITLENS_SEARCH_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
  cache="${AUDITLENS_CACHE:-$HOME/.cache/auditlens}"
  home_dir="$cache/$1-$version"
}
