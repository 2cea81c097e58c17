#!/usr/bin/env bash
# Shoal as the seed: each leecher downloads a 1 GiB torrent (4 files × 256 MiB, 256 KiB pieces) once
# from a Shoal seed and once from a libtorrent seed (one seed at a time, on loopback).
#
# Usage: bench/seed-1gib.sh [--rounds N] [LEECHER...]
#   LEECHER  any of: libtorrent aria2 transmission (default: all three, that order)
#   --rounds N  rounds (default 3); each round runs every leecher from every seed; medians
# Environment:
#   BENCH_DIR=/tmp/shoal-seed-bench   work folder: data (kept and reused), torrent, tracker, logs/,
#                                     Shoal's data directories, results.csv (per-round numbers)
#   SHOAL_JAR=distribution/target/shoal.jar   the jar the Shoal seed runs (never built here)
#   BASELINE_JAR=                     another jar, seeding as "shoal-baseline" in the same rounds
#                                     (before/after a change in one run)
#
# Prints a Markdown table of medians per leecher and seed: transfer MiB/s, its ratio to the
# libtorrent seed's, first block s, seed CPU s (bench/README.md says how each is measured). Exit
# status 0 when every run ended with the right data, 1 otherwise, 2 on a wrong command line.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
HELPER=$ROOT/bench/swarm_1gib.py
SEED_HELPER=$ROOT/bench/seed_1gib.py
PYTHON=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1
BENCH_DIR=${BENCH_DIR:-/tmp/shoal-seed-bench}
PIECE_KIB=256
piece_log2=18
SHOAL_JAR=${SHOAL_JAR:-$ROOT/distribution/target/shoal.jar}
BASELINE_JAR=${BASELINE_JAR:-}
ALL_LEECHERS=(libtorrent aria2 transmission)
FILES=4
FILE_MIB=256

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
bad_usage() { usage >&2; exit 2; }
die() { echo "seed-1gib: $*" >&2; exit 1; }

rounds=3
leechers=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --rounds) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || bad_usage; rounds=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        -*) bad_usage ;;
        *) [[ " ${ALL_LEECHERS[*]} " == *" $1 "* ]] || { echo "unknown leecher: $1" >&2; bad_usage; }
           leechers+=("$1"); shift ;;
    esac
done
[[ ${#leechers[@]} -gt 0 ]] || leechers=("${ALL_LEECHERS[@]}")
[[ -x $PYTHON ]] && "$PYTHON" -c 'import libtorrent' 2>/dev/null \
    || die "needs /usr/bin/python3 with libtorrent: apt-get install python3-libtorrent"
command -v mktorrent >/dev/null || die "mktorrent is missing: apt-get install mktorrent"
command -v opentracker >/dev/null || die "opentracker is missing: apt-get install opentracker"
command -v ss >/dev/null || die "ss is missing: apt-get install iproute2"
[[ -f $SHOAL_JAR ]] || die "$SHOAL_JAR missing (never built here: mvn -B -q -Dmaven.test.skip=true package -pl distribution -am)"

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
DATA=$BENCH_DIR/data
NAME=swarm-1gib
TORRENT=$BENCH_DIR/$NAME.torrent
SHA1=$BENCH_DIR/$NAME.sha1

. "$ROOT/bench/swarm-common.sh"

# Copies of the jars, so that a rebuild during the benchmark cannot mix two builds in one table.
cp "$SHOAL_JAR" "$BENCH_DIR/shoal.jar"
echo "shoal: $SHOAL_JAR built $(date -r "$SHOAL_JAR" '+%F %T'), checkout at $(git -C "$ROOT" log -1 --format=%h 2>/dev/null || echo '?')" >&2
baseline=()
if [[ -n $BASELINE_JAR ]]; then
    [[ -f $BASELINE_JAR ]] || die "$BASELINE_JAR missing"
    cp "$BASELINE_JAR" "$BENCH_DIR/shoal-baseline.jar"
    baseline=(--baseline-jar "$BENCH_DIR/shoal-baseline.jar")
    echo "shoal-baseline: $BASELINE_JAR built $(date -r "$BASELINE_JAR" '+%F %T')" >&2
fi

set +e
"$PYTHON" "$SEED_HELPER" run --work "$BENCH_DIR" --torrent "$TORRENT" --data "$DATA" --sha1 "$SHA1" \
    --rounds "$rounds" --repo "$ROOT" --shoal-jar "$BENCH_DIR/shoal.jar" ${baseline[@]+"${baseline[@]}"} \
    "${leechers[@]}" &
helper_pid=$!
wait "$helper_pid"
status=$?
helper_pid=
exit $status
