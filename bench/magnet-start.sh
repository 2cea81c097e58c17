#!/usr/bin/env bash
# Magnet start-up benchmark: from a magnet link, how long each client takes to the METADATA and to
# the FIRST BLOCK, on one loopback swarm (a libtorrent seed of a generated multi-file torrent and
# opentracker), every client given the same link.
#
# Usage: bench/magnet-start.sh [--rounds N] [--no-xpe] [--warm] [CLIENT...]
#   CLIENT    any of: shoal libtorrent qbittorrent aria2 (default: all four)
#   --rounds N  rounds (default 5); each round runs every client once, starting one client further
#               along the list each round; fresh folders for every run
#   --no-xpe    leave the seed's address (x.pe) out of the link: peers come from the tracker only
#   --warm      each client already runs (shoal: `daemon`; libtorrent: a session; qbittorrent: its
#               Web UI answers; aria2: --enable-rpc) and sat ready 2 s; the clock starts when the
#               link is added (shoal: shoal:add over its remote shell's socket; libtorrent:
#               add_torrent; qbittorrent: POST torrents/add; aria2: aria2.addUri), and the add's own
#               round trip is reported beside it. Without it (cold): the clock starts with the process.
# Environment:
#   BENCH_DIR=/tmp/shoal-bench-magnet   work folder: the data (kept and reused), the torrent,
#                                       the tracker, logs/ of every run, results.csv
#   KEEP=1            keep each run's folders (the clients' own logs) in BENCH_DIR/kept/CLIENT-ROUND
#   PIECE_KIB=64      piece size; FILES=4, FILE_MIB=32: the torrent's files
#   SHOAL_JAR=distribution/target/shoal.jar   the jar run as `java -jar JAR get` (never built here)
#   SHOAL_JAVA_OPTS   JVM options for Shoal, e.g. -Dorg.slf4j.simpleLogger.defaultLogLevel=debug
#                     -Dorg.slf4j.simpleLogger.showDateTime=true (its log goes to logs/shoal-ROUND.log)
#
# How each moment is taken, for each client: bench/magnet_start.py's header and bench/README.md.
# In short, every 10 ms from the start of the client's process: metadata = the client's copy of
# the torrent appearing as a file (shoal: <hash>.torrent in its session folder; libtorrent: written
# by the helper on metadata_received_alert; aria2: --bt-save-metadata) or, for qBittorrent, its Web
# API reporting a size; first block = the first non-zero byte in the torrent's files on disk, the
# same for all; plus the seed's first payload byte sent to the client.
# Prints a Markdown table of medians (min–max) and the raw figures. Exit status 0 when every run
# got both, 1 otherwise, 2 on a wrong command line. Needs (Debian): python3-libtorrent,
# opentracker, mktorrent, a JDK 17+; aria2 and qbittorrent-nox for those clients. Installs nothing.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
HELPER=$ROOT/bench/magnet_start.py
PYTHON=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1
BENCH_DIR=${BENCH_DIR:-/tmp/shoal-bench-magnet}
PIECE_KIB=${PIECE_KIB:-64}
FILES=${FILES:-4}
FILE_MIB=${FILE_MIB:-32}
SHOAL_JAR=${SHOAL_JAR:-$ROOT/distribution/target/shoal.jar}
ALL_CLIENTS=(shoal libtorrent qbittorrent aria2)

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
bad_usage() { usage >&2; exit 2; }
die() { echo "magnet-start: $*" >&2; exit 1; }

rounds=5
xpe=()
warm=()
clients=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --rounds) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || bad_usage; rounds=$2; shift 2 ;;
        --rounds=*) rounds=${1#--rounds=}; [[ $rounds =~ ^[1-9][0-9]*$ ]] || bad_usage; shift ;;
        --no-xpe) xpe=(--no-xpe); shift ;;
        --warm) warm=(--warm); shift ;;
        -h|--help) usage; exit 0 ;;
        -*) bad_usage ;;
        *) [[ " ${ALL_CLIENTS[*]} " == *" $1 "* ]] || { echo "unknown client: $1" >&2; bad_usage; }
           clients+=("$1"); shift ;;
    esac
done
[[ ${#clients[@]} -gt 0 ]] || clients=("${ALL_CLIENTS[@]}")
[[ $PIECE_KIB =~ ^[0-9]+$ ]] && (( PIECE_KIB >= 32 && PIECE_KIB <= 16384 && (PIECE_KIB & (PIECE_KIB - 1)) == 0 )) \
    || die "PIECE_KIB must be a power of two from 32 to 16384"
[[ $FILES =~ ^[1-9][0-9]*$ && $FILE_MIB =~ ^[1-9][0-9]*$ ]] || die "FILES and FILE_MIB must be positive numbers"
piece_log2=10
while (( (1 << piece_log2) < PIECE_KIB * 1024 )); do piece_log2=$((piece_log2 + 1)); done

[[ -x $PYTHON ]] && "$PYTHON" -c 'import libtorrent' 2>/dev/null \
    || die "needs /usr/bin/python3 with libtorrent: apt-get install python3-libtorrent"
command -v mktorrent >/dev/null || die "mktorrent is missing: apt-get install mktorrent"
command -v opentracker >/dev/null || die "opentracker is missing: apt-get install opentracker"
declare -A package=([qbittorrent]=qbittorrent-nox [aria2]=aria2 [shoal]=openjdk-17-jre-headless)
declare -A program=([qbittorrent]=qbittorrent-nox [aria2]=aria2c [shoal]=java)
for c in "${clients[@]}"; do
    if [[ -n ${program[$c]:-} ]] && ! command -v "${program[$c]}" >/dev/null; then
        echo "magnet-start: ${program[$c]} is missing, $c is reported as failed: apt-get install ${package[$c]}" >&2
    fi
done

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
DATA=$BENCH_DIR/data
NAME=magnet-start
TORRENT=$BENCH_DIR/$NAME.torrent
SIZES=$BENCH_DIR/$NAME.sizes

helper_pid=
cleanup() {
    local pid
    # The helper stops its client and the tracker on SIGTERM; if it could not, their groups go too.
    if [[ -n $helper_pid ]] && kill -0 "$helper_pid" 2>/dev/null; then
        kill -TERM "$helper_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$helper_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$helper_pid" 2>/dev/null || true
    fi
    if [[ -f $BENCH_DIR/client.pid ]]; then
        pid=$(cat "$BENCH_DIR/client.pid")
        [[ $pid =~ ^[0-9]+$ ]] && kill -KILL -- "-$pid" 2>/dev/null || true
        rm -f "$BENCH_DIR/client.pid"
    fi
    rm -rf "$BENCH_DIR/run"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# FILES × FILE_MIB of random data, made once and reused while the sizes match.
want="$FILES $FILE_MIB"
if [[ ! -f $SIZES || $(cat "$SIZES") != "$want" ]]; then
    echo "making $FILES × $FILE_MIB MiB of random data in $DATA/$NAME (once)..." >&2
    rm -rf "$DATA" "$SIZES"
    mkdir -p "$DATA/$NAME"
    for i in $(seq 1 "$FILES"); do
        head -c $((FILE_MIB << 20)) /dev/urandom >"$DATA/$NAME/part$i.bin"
    done
    echo "$want" >"$SIZES"
fi
sync

# The tracker's port is in the torrent (outside the info dictionary) and in the link; the helper
# starts opentracker on it afresh before each run.
tracker_port=$("$PYTHON" "$ROOT/bench/swarm_1gib.py" freeport)
rm -f "$TORRENT"
mktorrent -l "$piece_log2" -a "http://127.0.0.1:$tracker_port/announce" -o "$TORRENT" "$DATA/$NAME" >/dev/null

shoal_jar_used=$SHOAL_JAR
if [[ " ${clients[*]} " == *" shoal "* && -f $SHOAL_JAR ]]; then
    shoal_jar_used=$BENCH_DIR/shoal.jar       # a rebuild meanwhile cannot mix two builds
    cp "$SHOAL_JAR" "$shoal_jar_used"
    echo "shoal: $SHOAL_JAR built $(date -r "$SHOAL_JAR" '+%F %T'), checkout at $(git -C "$ROOT" log -1 --format=%h 2>/dev/null || echo '?')" >&2
fi

set +e
"$PYTHON" "$HELPER" run --work "$BENCH_DIR" --torrent "$TORRENT" --data "$DATA" --tracker-port "$tracker_port" \
    "${xpe[@]}" "${warm[@]}" --rounds "$rounds" --shoal-jar "$shoal_jar_used" "${clients[@]}" &
helper_pid=$!
wait "$helper_pid"
status=$?
helper_pid=
exit $status
