# Sourced by bench/swarm-1gib.sh and bench/seed-1gib.sh: the 1 GiB torrent's data, the torrent and
# its tracker. Expects PYTHON, HELPER (bench/swarm_1gib.py), BENCH_DIR, DATA, NAME, TORRENT, SHA1,
# FILES, FILE_MIB, piece_log2, PIECE_KIB and a die function; sets tracker_port and infohash, and a trap
# that stops on exit what was started: the tracker, the helper (helper_pid: its Python, which stops
# its processes on SIGTERM) and, should it fail to, the process groups named in BENCH_DIR/client.pid.

tracker_pid=
helper_pid=
cleanup() {
    local pid
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
    if [[ -n $tracker_pid ]]; then
        kill -TERM "$tracker_pid" 2>/dev/null || true
        wait "$tracker_pid" 2>/dev/null || true
    fi
    rm -rf "$BENCH_DIR/run"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 4 × 256 MiB of random data, made once and reused while its checksums say it is intact.
if ! { [[ -f $SHA1 ]] && (cd "$DATA" && sha1sum --status -c "$SHA1") 2>/dev/null; }; then
    echo "making $FILES × $FILE_MIB MiB of random data in $DATA/$NAME (once)..." >&2
    rm -rf "$DATA" "$SHA1"
    mkdir -p "$DATA/$NAME"
    for i in $(seq 1 $FILES); do
        head -c $((FILE_MIB << 20)) /dev/urandom >"$DATA/$NAME/part$i.bin.tmp"
        mv "$DATA/$NAME/part$i.bin.tmp" "$DATA/$NAME/part$i.bin"
    done
    (cd "$DATA" && sha1sum "$NAME"/part*.bin) >"$SHA1.tmp"
    mv "$SHA1.tmp" "$SHA1"
fi
sync

# The tracker: opentracker on a free port, whitelisting our one info-hash. The port is in the
# torrent's announce URL (outside the info dictionary), so the torrent is made anew each time;
# its info-hash stays the same.
tracker_port=$("$PYTHON" "$HELPER" freeport)
rm -f "$TORRENT"
mktorrent -l "$piece_log2" -a "http://127.0.0.1:$tracker_port/announce" -o "$TORRENT" "$DATA/$NAME" >/dev/null
infohash=$("$PYTHON" "$HELPER" infohash "$TORRENT")
TRACKER_DIR=$BENCH_DIR/tracker
rm -rf "$TRACKER_DIR"
mkdir -p "$TRACKER_DIR"
chmod 755 "$TRACKER_DIR"                # it chroots here and runs as nobody
echo "$infohash" >"$TRACKER_DIR/whitelist.txt"
chmod 644 "$TRACKER_DIR/whitelist.txt"
opentracker -i 127.0.0.1 -p "$tracker_port" -P "$tracker_port" -d "$TRACKER_DIR" -w /whitelist.txt \
    >"$TRACKER_DIR/opentracker.log" 2>&1 &
tracker_pid=$!
"$PYTHON" "$HELPER" tracker-ready "$tracker_port" "$infohash" 15 \
    || { cat "$TRACKER_DIR/opentracker.log" >&2; die "opentracker did not start"; }
echo "torrent $TORRENT: info-hash $infohash, ${PIECE_KIB} KiB pieces, tracker 127.0.0.1:$tracker_port" >&2

