#!/usr/bin/env bash
# torrent-get over 10,000 torrents: Shoal's Transmission RPC against transmission-daemon holding the same
# torrents, same run, both on loopback: the time to add them, then latency (median, min-max) and response
# size of the fields transmission-remote -l and Transmission's web client ask for.
#
# Usage: bench/rpc-many.sh [--torrents N] [--requests N]
# Environment:
#   BENCH_DIR=/tmp/shoal-bench-rpc   work folder: torrents, both daemons' data and logs
#   SHOAL_JAR=distribution/target/shoal.jar   the jar under test (never built here)
#   SHOAL_JAVA_OPTS=   options for Shoal's JVM, e.g. -XX:StartFlightRecording=filename=/tmp/rpc.jfr
# Needs Java, python3 and transmission-daemon; no peers, no tracker (the torrents name a dead one on 127.0.0.1:9).
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/shoal-bench-rpc}
SHOAL_JAR=${SHOAL_JAR:-$ROOT/distribution/target/shoal.jar}
[[ -f $SHOAL_JAR ]] || { echo "rpc-many: $SHOAL_JAR is missing: build it with ./shoal --version" >&2; exit 1; }
command -v transmission-daemon >/dev/null || { echo "rpc-many: apt-get install transmission-daemon" >&2; exit 1; }
mkdir -p "$BENCH_DIR"
cp "$SHOAL_JAR" "$BENCH_DIR/shoal.jar"
exec python3 "$ROOT/bench/rpc_many.py" "$BENCH_DIR/shoal.jar" "$BENCH_DIR" "$@"
