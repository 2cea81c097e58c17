#!/usr/bin/env bash
# Whole-swarm download benchmark: one libtorrent seed on loopback serves a 1 GiB torrent
# (4 files × 256 MiB, 256 KiB pieces) and each downloader in turn fetches it into an empty folder.
#
# Usage: bench/swarm-1gib.sh [--rounds N] [CLIENT...]
#   CLIENT   any of: shoal libtorrent qbittorrent aria2 transmission (default: all five, that order)
#   --rounds N  rounds (default 3); each round runs every client once; the table shows medians
# Environment:
#   BENCH_DIR=/tmp/shoal-bench   work folder: the generated data (kept and reused), the torrent,
#                                the tracker, logs/ of every run, results.csv (per-round numbers)
#   PIECE_KIB=256                piece size of the torrent (a power of two, 16 .. 16384)
#   SHOAL_JAR=distribution/target/shoal.jar   the jar `./shoal get` runs (never built here)
#   SEED_ENCRYPTION=plaintext    or rc4: the seed forces MSE with RC4 both ways (what encryption
#                                costs; compare with a plaintext run); or both: each client runs
#                                twice a round, plaintext then RC4 (rows "CLIENT plaintext|rc4")
#
# Prints a Markdown table of medians, one row per client: wall s | transfer MiB/s | first block s |
# CPU s | peak RSS MiB | peak anon MiB | ok (bench/README.md says how each is measured). Exit status 0 when every run of every client
# finished with the right data, 1 otherwise, 2 on a wrong command line.
# Installs nothing: a missing Debian package is named with its apt-get command and that client
# (or, for mktorrent/opentracker/python3-libtorrent, the whole benchmark) is skipped.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
HELPER=$ROOT/bench/swarm_1gib.py
PYTHON=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1
BENCH_DIR=${BENCH_DIR:-/tmp/shoal-bench}
PIECE_KIB=${PIECE_KIB:-256}
SHOAL_JAR=${SHOAL_JAR:-$ROOT/distribution/target/shoal.jar}
SEED_ENCRYPTION=${SEED_ENCRYPTION:-plaintext}
[[ $SEED_ENCRYPTION =~ ^(plaintext|rc4|both)$ ]] || { echo "SEED_ENCRYPTION must be plaintext, rc4 or both" >&2; exit 2; }
ALL_CLIENTS=(shoal libtorrent qbittorrent aria2 transmission)
FILES=4
FILE_MIB=256

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
bad_usage() { usage >&2; exit 2; }
die() { echo "swarm-1gib: $*" >&2; exit 1; }

rounds=3
clients=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --rounds) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || bad_usage; rounds=$2; shift 2 ;;
        --rounds=*) rounds=${1#--rounds=}; [[ $rounds =~ ^[1-9][0-9]*$ ]] || bad_usage; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) bad_usage ;;
        *) [[ " ${ALL_CLIENTS[*]} " == *" $1 "* ]] || { echo "unknown client: $1" >&2; bad_usage; }
           clients+=("$1"); shift ;;
    esac
done
[[ ${#clients[@]} -gt 0 ]] || clients=("${ALL_CLIENTS[@]}")
[[ $PIECE_KIB =~ ^[0-9]+$ ]] && (( PIECE_KIB >= 16 && PIECE_KIB <= 16384 && (PIECE_KIB & (PIECE_KIB - 1)) == 0 )) \
    || die "PIECE_KIB must be a power of two from 16 to 16384"
piece_log2=10
while (( (1 << piece_log2) < PIECE_KIB * 1024 )); do piece_log2=$((piece_log2 + 1)); done

# What the benchmark itself needs; the clients' programs are checked per client.
[[ -x $PYTHON ]] && "$PYTHON" -c 'import libtorrent' 2>/dev/null \
    || die "needs /usr/bin/python3 with libtorrent: apt-get install python3-libtorrent"
command -v mktorrent >/dev/null || die "mktorrent is missing: apt-get install mktorrent"
command -v opentracker >/dev/null || die "opentracker is missing: apt-get install opentracker"
declare -A package=([qbittorrent]=qbittorrent-nox [aria2]=aria2 [transmission]=transmission-daemon)
declare -A program=([qbittorrent]=qbittorrent-nox [aria2]=aria2c [transmission]=transmission-daemon)
for c in "${clients[@]}"; do
    if [[ -n ${program[$c]:-} ]] && ! command -v "${program[$c]}" >/dev/null; then
        echo "swarm-1gib: ${program[$c]} is missing, $c is reported as failed: apt-get install ${package[$c]}" >&2
    fi
done

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
DATA=$BENCH_DIR/data                  # the seed's save path; the torrent's folder is inside
NAME=swarm-1gib
TORRENT=$BENCH_DIR/$NAME.torrent
SHA1=$BENCH_DIR/$NAME.sha1

. "$ROOT/bench/swarm-common.sh"

# A copy of the jar, so that a rebuild during the benchmark cannot mix two builds in one table.
shoal_jar_used=$SHOAL_JAR
if [[ " ${clients[*]} " == *" shoal "* && -f $SHOAL_JAR ]]; then
    shoal_jar_used=$BENCH_DIR/shoal.jar
    cp "$SHOAL_JAR" "$shoal_jar_used"
    echo "shoal: $SHOAL_JAR built $(date -r "$SHOAL_JAR" '+%F %T'), checkout at $(git -C "$ROOT" log -1 --format=%h 2>/dev/null || echo '?')" >&2
fi

# The seed, the downloaders, the table: all in the helper (in the background, so the traps run).
set +e
"$PYTHON" "$HELPER" run --work "$BENCH_DIR" --torrent "$TORRENT" --data "$DATA" --sha1 "$SHA1" \
    --rounds "$rounds" --repo "$ROOT" --shoal-jar "$shoal_jar_used" --seed-encryption "$SEED_ENCRYPTION" \
    "${clients[@]}" &
helper_pid=$!
wait "$helper_pid"
status=$?
helper_pid=
exit $status
