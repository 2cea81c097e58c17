#!/usr/bin/env bash
# DHT benchmark: a tracker-less magnet (`magnet:?xt=urn:btih:<hex>`, no tr=, no x.pe) through a
# loopback DHT to the METADATA and the FIRST BLOCK, Shoal's `get` against libtorrent's own leecher,
# cold and warm; then the CPU and memory of an idle node holding a full routing table, Shoal's
# daemon beside a libtorrent session.
#
# Usage: bench/dht-magnet.sh [--rounds N] [--modes cold,warm] [--nodes N] [--idle-seconds S]
#   --rounds N        rounds per mode (default 5); each round runs both clients, alternating who
#                     goes first; fresh folders for every run; 0: only the idle part
#   --modes M         cold, warm or both (default cold,warm). cold: `shoal get` / a new libtorrent
#                     process, timed from its start. warm: a running Shoal daemon given
#                     `shoal:add 'LINK'` over its remote shell / a running session given
#                     add_torrent, timed from the add, once its DHT knows 8 good nodes and 2 s later
#   --nodes N         nodes in the virtual DHT (default 262144)
#   --idle-seconds S  the idle measurement (default 180; 0: none)
#   --query-rate R    queries a second the network sends each idle node (default 2)
# Environment:
#   BENCH_DIR=/tmp/shoal-bench-dht   work folder: the data (kept and reused), logs/, results.json,
#                                    idle.json
#   FILE_MIB=64, PIECE_KIB=64        the seed's one file of random data and the piece size
#   FILL_S=240        at most this long to let the idle nodes fill their tables (they stop earlier
#                     once Shoal's good count has not grown for 30 s)
#   KEEP=1            keep each run's folders in BENCH_DIR/kept/CLIENT-MODE-ROUND
#   SHOAL_JAR=distribution/target/shoal.jar   never built here; copied into BENCH_DIR
#   SHOAL_JAVA_OPTS   JVM options for Shoal
#
# The DHT is bench/dht_net.py: one process answering for a network of N nodes on 127.x.y.z (one
# socket per node the clients hear of), each node knowing what a real routing table would, so a
# lookup takes several hops; every client is bootstrapped at its one router node. The seed is
# libtorrent, announced to the DHT before the first run. How the moments are taken:
# bench/dht_magnet.py's header and bench/README.md. Prints Markdown tables of medians (min–max) and
# the raw figures. Exit status 0 when every run got both moments, 1 otherwise, 2 on a wrong
# command line. Stops every process it started. Needs python3-libtorrent and a JDK 17+.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
PYTHON=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1
BENCH_DIR=${BENCH_DIR:-/tmp/shoal-bench-dht}
FILE_MIB=${FILE_MIB:-64}
PIECE_KIB=${PIECE_KIB:-64}
SHOAL_JAR=${SHOAL_JAR:-$ROOT/distribution/target/shoal.jar}

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
bad_usage() { usage >&2; exit 2; }
die() { echo "dht-magnet: $*" >&2; exit 1; }

args=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --rounds|--nodes|--idle-seconds)
            [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || bad_usage; args+=("$1" "$2"); shift 2 ;;
        --query-rate)
            [[ $# -ge 2 && $2 =~ ^[0-9]+(\.[0-9]+)?$ ]] || bad_usage; args+=("$1" "$2"); shift 2 ;;
        --modes)
            [[ $# -ge 2 && $2 =~ ^(cold|warm)(,(cold|warm))?$ ]] || bad_usage; args+=("$1" "$2"); shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) bad_usage ;;
    esac
done
[[ $PIECE_KIB =~ ^[0-9]+$ ]] && (( PIECE_KIB >= 16 && PIECE_KIB <= 16384 && (PIECE_KIB & (PIECE_KIB - 1)) == 0 )) \
    || die "PIECE_KIB must be a power of two from 16 to 16384"
[[ $FILE_MIB =~ ^[1-9][0-9]*$ ]] || die "FILE_MIB must be a positive number"
[[ -x $PYTHON ]] && "$PYTHON" -c 'import libtorrent' 2>/dev/null \
    || die "needs /usr/bin/python3 with libtorrent: apt-get install python3-libtorrent"
command -v java >/dev/null || die "java is missing: apt-get install openjdk-17-jre-headless"
[[ -f $SHOAL_JAR ]] || die "$SHOAL_JAR missing: mvn -B -q -DskipTests package -pl distribution -am"

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
DATA=$BENCH_DIR/data
NAME=dht-magnet.bin
if [[ ! -f $DATA/$NAME || $(stat -c %s "$DATA/$NAME") != $((FILE_MIB << 20)) ]]; then
    echo "making $FILE_MIB MiB of random data in $DATA/$NAME (once)..." >&2
    mkdir -p "$DATA"
    head -c $((FILE_MIB << 20)) /dev/urandom >"$DATA/$NAME"
fi
sync
cp "$SHOAL_JAR" "$BENCH_DIR/shoal.jar"          # a rebuild meanwhile cannot mix two builds
echo "shoal: $SHOAL_JAR built $(date -r "$SHOAL_JAR" '+%F %T'), checkout at $(git -C "$ROOT" log -1 --format=%h 2>/dev/null || echo '?')" >&2

helper_pid=
cleanup() {
    local pid
    # The helper stops what it started on SIGTERM; if it could not, their process groups go too.
    if [[ -n $helper_pid ]] && kill -0 "$helper_pid" 2>/dev/null; then
        kill -TERM "$helper_pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$helper_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$helper_pid" 2>/dev/null || true
    fi
    if [[ -f $BENCH_DIR/client.pid ]]; then
        for pid in $(cat "$BENCH_DIR/client.pid"); do
            [[ $pid =~ ^[0-9]+$ ]] && kill -KILL -- "-$pid" 2>/dev/null || true
        done
        rm -f "$BENCH_DIR/client.pid"
    fi
    rm -rf "$BENCH_DIR/run" "$BENCH_DIR/idle"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

set +e
"$PYTHON" "$ROOT/bench/dht_magnet.py" run --work "$BENCH_DIR" --data "$DATA" --name "$NAME" --piece-kib "$PIECE_KIB" \
    --shoal-jar "$BENCH_DIR/shoal.jar" "${args[@]}" &
helper_pid=$!
wait "$helper_pid"
status=$?
helper_pid=
exit $status
