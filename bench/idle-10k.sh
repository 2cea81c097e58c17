#!/usr/bin/env bash
# A headless daemon at rest: CPU-s per minute after a restart with 10,000 paused torrents, the heap
# and time of adding them through one Gogo script, and idle CPU with 2 torrents seeding to nobody.
#
# Usage: bench/idle-10k.sh [--torrents N] [--chunk N] [--windows N] [--seconds S] [--java-opts='...']
#        [--skip-bulk] [--skip-seeding]
# Environment:
#   BENCH_DIR=/tmp/shoal-bench-idle           work folder (torrents, data dirs, daemon logs)
#   SHOAL_JAR=distribution/target/shoal.jar   the jar under test (never built here)
# Needs Java (with jcmd) and python3; no peers, no tracker (the torrents name a dead one).
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/shoal-bench-idle}
SHOAL_JAR=${SHOAL_JAR:-$ROOT/distribution/target/shoal.jar}
[[ -f $SHOAL_JAR ]] || { echo "idle-10k: $SHOAL_JAR is missing: build it with ./shoal --version" >&2; exit 1; }
mkdir -p "$BENCH_DIR"
exec python3 "$ROOT/bench/idle_10k.py" "$SHOAL_JAR" "$BENCH_DIR" "$@"
