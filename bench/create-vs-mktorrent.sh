#!/usr/bin/env bash
# Times `shoal create` against `mktorrent` on the same file, from a warm page cache.
#
# Usage: bench/create-vs-mktorrent.sh [FILE]
#   FILE     the content to hash; without it a file of SIZE_MIB MiB of random data is made in a
#            temporary folder (and removed at the end).
# Environment:
#   ROUNDS=5          timed runs of each program after one untimed warm-up; they alternate, and
#                     which goes first alternates too; each round also times `shoal --version`
#                     (JVM and OSGi start-up, no hashing) so it can be told apart
#   SIZE_MIB=1024     size of the generated file
#   PIECE_LOG2=18     piece length 2^n (18 = 256 KiB), the same for both
#   THREADS=$(nproc)  mktorrent's hashing threads (-t)
#   SHOAL_JAR=distribution/target/shoal.jar, JAVA=java
#   KEEP=1            keep the temporary folder (torrents, logs)
#
# Prints each round, the median wall time of each program, the ratio shoal/mktorrent, and whether
# the two torrents have the same info-hash (with the reason when they do not). Exits non-zero
# when a program fails or a tool is missing; differing info-hashes are explained, not an error.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${ROUNDS:-5}
SIZE_MIB=${SIZE_MIB:-1024}
PIECE_LOG2=${PIECE_LOG2:-18}
THREADS=${THREADS:-$(nproc)}
SHOAL_JAR=${SHOAL_JAR:-$ROOT/distribution/target/shoal.jar}
JAVA=${JAVA:-java}
TRACKER=http://127.0.0.1:6969/announce
PIECE_BYTES=$((1 << PIECE_LOG2))

die() { echo "create-vs-mktorrent: $*" >&2; exit 1; }

command -v mktorrent >/dev/null || die "mktorrent is missing (apt-get install mktorrent)"
command -v "$JAVA" >/dev/null || die "java is missing"
[[ -f $SHOAL_JAR ]] || die "$SHOAL_JAR is missing: run 'mvn -B -q -Dmaven.test.skip=true install' first"
if [[ -x /usr/bin/python3 ]]; then PYTHON=/usr/bin/python3; else PYTHON=$(command -v python3) || die "python3 is missing"; fi
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive number"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/create-vs-mktorrent.XXXXXX")
cleanup() {
    if [[ ${KEEP:-0} == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

if [[ $# -ge 1 ]]; then
    FILE=$(realpath "$1")
    [[ -f $FILE ]] || die "$1 is not a file"
else
    FILE=$WORK/random-${SIZE_MIB}MiB.bin
    echo "making $FILE ($SIZE_MIB MiB of random data)..."
    head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom >"$FILE"
fi
SIZE=$(stat -c %s "$FILE")
echo "flushing dirty pages and warming the page cache..."
# Write-back of a freshly made file would otherwise compete with the timed runs.
sync
cat "$FILE" >/dev/null

# Seconds since the epoch with nanoseconds, and a difference of two of them.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

run_shoal() {
    rm -f "$WORK/shoal.torrent"
    "$JAVA" -jar "$SHOAL_JAR" --data-dir "$WORK/shoal-data" create "$FILE" \
        --piece-size "$PIECE_BYTES" --tracker "$TRACKER" -o "$WORK/shoal.torrent" \
        >"$WORK/shoal.out" 2>"$WORK/shoal.err" \
        || { cat "$WORK/shoal.err" >&2; die "shoal create failed"; }
}
run_mktorrent() {
    rm -f "$WORK/mktorrent.torrent"
    mktorrent -l "$PIECE_LOG2" -t "$THREADS" -a "$TRACKER" -o "$WORK/mktorrent.torrent" "$FILE" \
        >"$WORK/mktorrent.out" 2>"$WORK/mktorrent.err" \
        || { cat "$WORK/mktorrent.err" >&2; die "mktorrent failed"; }
}
# Runs one program and prints its wall time.
timed() {
    local start end
    start=$(now)
    "$1"
    end=$(now)
    elapsed "$start" "$end"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run_startup() {
    "$JAVA" -jar "$SHOAL_JAR" --data-dir "$WORK/shoal-data" --version >/dev/null 2>&1 \
        || die "shoal --version failed"
}

printf '\n%s: %d bytes, piece length %d, %d rounds, mktorrent -t %d, %s\n' \
    "$(basename "$FILE")" "$SIZE" "$PIECE_BYTES" "$ROUNDS" "$THREADS" "$("$JAVA" -version 2>&1 | head -1)"
echo "warm-up round (not counted)..."
run_shoal; run_mktorrent; run_startup
printf '%-6s %12s %12s %14s\n' round "shoal s" "mktorrent s" "shoal start s"
shoal_times=()
mktorrent_times=()
startup=()
for ((round = 1; round <= ROUNDS; round++)); do
    if ((round % 2)); then
        s=$(timed run_shoal); m=$(timed run_mktorrent)
    else
        m=$(timed run_mktorrent); s=$(timed run_shoal)
    fi
    u=$(timed run_startup)
    shoal_times+=("$s")
    mktorrent_times+=("$m")
    startup+=("$u")
    printf '%-6d %12s %12s %14s\n' "$round" "$s" "$m" "$u"
done

shoal_median=$(median "${shoal_times[@]}")
mktorrent_median=$(median "${mktorrent_times[@]}")
startup_median=$(median "${startup[@]}")
awk -v s="$shoal_median" -v m="$mktorrent_median" -v up="$startup_median" -v size="$SIZE" 'BEGIN {
    mib = size / 1048576
    printf "\nmedian shoal create : %7.3f s  (%6.0f MiB/s)\n", s, mib / s
    printf "median mktorrent    : %7.3f s  (%6.0f MiB/s)\n", m, mib / m
    printf "ratio shoal/mktorrent: %.2f\n", s / m
    printf "median shoal start-up (shoal --version): %.3f s\n", up
    if (s > up) printf "shoal create less start-up: %.3f s (%.0f MiB/s hashing and writing)\n", s - up, mib / (s - up)
}'

# The info-hash of each torrent, read with a few lines of bdecode independent of both programs,
# and what differs between the two info dictionaries when the hashes do not match.
"$PYTHON" - "$WORK/shoal.torrent" "$WORK/mktorrent.torrent" <<'PY'
import hashlib
import sys


def end_of(b, i):
    """Index just past the bencoded value starting at b[i]."""
    c = b[i:i + 1]
    if c == b"i":
        return b.index(b"e", i) + 1
    if c in (b"l", b"d"):
        i += 1
        while b[i:i + 1] != b"e":
            i = end_of(b, i)
        return i + 1
    colon = b.index(b":", i)
    return colon + 1 + int(b[i:colon])


def entries(b, start):
    """(key, value bytes) of the dictionary at b[start]."""
    out, i = {}, start + 1
    while b[i:i + 1] != b"e":
        key_end = end_of(b, i)
        key = b[b.index(b":", i) + 1:key_end]
        value_end = end_of(b, key_end)
        out[key] = b[key_end:value_end]
        i = value_end
    return out


def info_of(path):
    data = open(path, "rb").read()
    top = entries(data, 0)
    return top[b"info"], top


shoal_info, shoal_top = info_of(sys.argv[1])
mk_info, mk_top = info_of(sys.argv[2])
shoal_hash = hashlib.sha1(shoal_info).hexdigest()
mk_hash = hashlib.sha1(mk_info).hexdigest()
print(f"\ninfo-hash shoal     : {shoal_hash}")
print(f"info-hash mktorrent : {mk_hash}")
if shoal_hash == mk_hash:
    print("same info-hash: both programs hashed the same pieces into the same info dictionary")
    sys.exit(0)
print("the info-hashes differ; the info dictionaries compare as follows:")
a, b = entries(shoal_info, 0), entries(mk_info, 0)
for key in sorted(set(a) | set(b)):
    name = key.decode("utf-8", "replace")
    if key not in b:
        print(f"  only in shoal's     : {name} = {a[key][:60]!r}")
    elif key not in a:
        print(f"  only in mktorrent's : {name} = {b[key][:60]!r}")
    elif a[key] != b[key]:
        what = "piece hashes" if key == b"pieces" else f"{a[key][:60]!r} vs {b[key][:60]!r}"
        print(f"  differs             : {name}: {what}")
    else:
        print(f"  same                : {name}")
if a.get(b"pieces") == b.get(b"pieces"):
    print("the piece hashes are identical: the data was hashed the same, only metadata differs")
PY
