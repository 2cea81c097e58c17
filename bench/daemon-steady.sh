#!/usr/bin/env bash
# A long-running Shoal daemon, the way a desktop user runs it: one `./shoal daemon` downloads a first
# 1 GiB torrent, then a second, different one (the steady state), then idles seeding both with
# nobody connected; qbittorrent-nox downloads the first torrent from the same kind of seed in the
# same run, as the yardstick.
#
# Usage: bench/daemon-steady.sh [--rounds N] [--settle S] [--idle S]
#   --rounds N   rounds (default 3): each a fresh daemon (both torrents, idle) then qBittorrent; medians
#   --settle S   seconds the daemon sits after it answers, and after the seeds stop (default 30)
#   --idle S     the idle window (default 60)
# Environment:
#   BENCH_DIR=/tmp/shoal-bench-steady   work folder: 2 × 1 GiB of random data (kept and reused), the
#                                       torrents, the tracker, logs/shoal-ROUND.log, results.csv
#   SHOAL_JAR=distribution/target/shoal.jar   the jar `./shoal daemon` runs (never built here; copied)
#   SHOAL_JAVA_OPTS   extra JVM options for the daemon (a JFR recording: bench/README.md)
#
# Prints a Markdown table of medians: each GiB's daemon CPU-s (/proc/PID/stat, utime + stime, from
# just before `shoal cli add` to the daemon listing it as seeding) and rate (the seed's: 1 GiB over
# its first to last payload byte sent), the idle CPU-s per minute, qBittorrent's CPU-s and rate.
# Exit status 0 when every run finished with the right data, 1 otherwise, 2 on a wrong command line.
# Needs (Debian): python3-libtorrent, opentracker, mktorrent, qbittorrent-nox, a JDK 17+. Installs nothing.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
PYTHON=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1
BENCH_DIR=${BENCH_DIR:-/tmp/shoal-bench-steady}
SHOAL_JAR=${SHOAL_JAR:-$ROOT/distribution/target/shoal.jar}

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
bad_usage() { usage >&2; exit 2; }
die() { echo "daemon-steady: $*" >&2; exit 1; }

args=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --rounds|--settle|--idle) [[ $# -ge 2 && $2 =~ ^[0-9]+$ && $2 -gt 0 ]] || bad_usage; args+=("$1" "$2"); shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) bad_usage ;;
    esac
done

[[ -x $PYTHON ]] && "$PYTHON" -c 'import libtorrent' 2>/dev/null \
    || die "needs /usr/bin/python3 with libtorrent: apt-get install python3-libtorrent"
for p in mktorrent:mktorrent opentracker:opentracker qbittorrent-nox:qbittorrent-nox java:openjdk-17-jre-headless; do
    command -v "${p%%:*}" >/dev/null || die "${p%%:*} is missing: apt-get install ${p#*:}"
done
[[ -f $SHOAL_JAR ]] || die "$SHOAL_JAR is missing (never built here): mvn -B -q -Dmaven.test.skip=true package -pl distribution -am"

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
cp "$SHOAL_JAR" "$BENCH_DIR/shoal.jar"       # a rebuild meanwhile cannot mix two builds
echo "shoal: $SHOAL_JAR built $(date -r "$SHOAL_JAR" '+%F %T'), checkout at $(git -C "$ROOT" log -1 --format=%h 2>/dev/null || echo '?')" >&2

helper_pid=
cleanup() {
    local pid
    # The helper stops the daemon, qBittorrent and the tracker on SIGTERM; if it could not, the client's group goes.
    if [[ -n $helper_pid ]] && kill -0 "$helper_pid" 2>/dev/null; then
        kill -TERM "$helper_pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$helper_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$helper_pid" 2>/dev/null || true
    fi
    if [[ -f $BENCH_DIR/client.pid ]]; then
        pid=$(cat "$BENCH_DIR/client.pid")
        [[ $pid =~ ^[0-9]+$ ]] && kill -KILL -- "-$pid" 2>/dev/null || true
        rm -f "$BENCH_DIR/client.pid"
    fi
    rm -rf "$BENCH_DIR/run" "$BENCH_DIR/daemon"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

set +e
cd "$ROOT/bench"
"$PYTHON" "$ROOT/bench/daemon_steady.py" --work "$BENCH_DIR" --repo "$ROOT" --shoal-jar "$BENCH_DIR/shoal.jar" "${args[@]}" &
helper_pid=$!
wait "$helper_pid"
status=$?
helper_pid=
exit $status
