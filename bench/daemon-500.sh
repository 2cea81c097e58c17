#!/usr/bin/env bash
# A daemon holding 500 torrents: `shoal cli list` response time and daemon restart time.
#
# Usage: bench/daemon-500.sh [--torrents N] [--runs N]
# Environment:
#   BENCH_DIR=/tmp/shoal-bench-daemon   work folder: payload, torrents, watch folder, data dir, logs/
#   SHOAL_JAR=distribution/target/shoal.jar   the jar under test (never built here)
# Needs only Java and python3; no peers, no tracker (the torrents name a dead one on 127.0.0.1:9).
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/shoal-bench-daemon}
SHOAL_JAR=${SHOAL_JAR:-$ROOT/distribution/target/shoal.jar}
[[ -f $SHOAL_JAR ]] || { echo "daemon-500: $SHOAL_JAR is missing: build it with ./shoal --version" >&2; exit 1; }
mkdir -p "$BENCH_DIR"
exec python3 "$ROOT/bench/daemon_500.py" "$SHOAL_JAR" "$BENCH_DIR" "$@"
