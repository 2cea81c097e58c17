#!/usr/bin/env bash
# Retakes the README's screenshots from a real window: Shoal's desktop under Xvfb (through the
# launcher, with its JVM options) downloading from a libtorrent seed on loopback, capped so that the
# download is still in progress when the pictures are taken, beside a finished torrent seeding to a
# libtorrent leecher and a paused one, two of them labelled.
#
# Usage: docs/screenshots/take.sh [OUT_DIR]   (default: docs/screenshots; look at them before committing)
# Needs: distribution/target/shoal.jar and the ui driver jar built (mvn -B -q -DskipTests package),
# Xvfb, python3-libtorrent (PYTHON=/usr/bin/python3 by default).
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
OUT=$(readlink -f "${1:-$ROOT/docs/screenshots}")
JAR=$ROOT/distribution/target/shoal.jar
DRIVER=$(ls "$ROOT"/bundles/dev.shoal.ui.swt.driver/target/dev.shoal.ui.swt.driver-*.jar 2>/dev/null | head -1)
PYTHON=${PYTHON:-/usr/bin/python3} # Debian's, with python3-libtorrent
PEER=$ROOT/dev.shoal.test.support/src/main/resources/dev/shoal/test/support/libtorrent_peer.py
[[ -f $JAR && -f ${DRIVER:-} ]] || { echo "take.sh: build first: mvn -B -q -DskipTests package" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "take.sh: no Xvfb (apt-get install xvfb)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/shoal-shots.XXXXXX)
PIDS=()
stop_all() {
  if [[ -n ${SHOAL_DATA_DIR:-} ]]; then java -jar "$JAR" cli stop 0 >/dev/null 2>&1 || true; fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT

exec 3< <(Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp 2>/dev/null)
PIDS+=($!)
read -r DISPLAY_NUMBER <&3
export DISPLAY=:$DISPLAY_NUMBER SHOAL_DATA_DIR=$WORK/data
mkdir -p "$WORK/data/plugins" "$WORK/seed" "$WORK/downloads" "$WORK/leecher"
cp "$DRIVER" "$WORK/data/plugins/dev.shoal.ui.swt.driver.jar"
shoal() { java -jar "$JAR" "$@"; }
cli() { shoal cli "$@"; }

# Random payloads with the names people fetch; torrents made by Shoal itself, no tracker (peers dial in).
head -c $((600 * 1024 * 1024)) /dev/urandom > "$WORK/seed/debian-12.8.0-amd64-DVD-1.iso"
head -c $((96 * 1024 * 1024)) /dev/urandom > "$WORK/downloads/archlinux-2024.12.01-x86_64.iso"
head -c $((48 * 1024 * 1024)) /dev/urandom > "$WORK/seed/alpine-standard-3.21.0-x86_64.iso"
shoal create -o "$WORK/debian.torrent" "$WORK/seed/debian-12.8.0-amd64-DVD-1.iso" >/dev/null
shoal create -o "$WORK/arch.torrent" "$WORK/downloads/archlinux-2024.12.01-x86_64.iso" >/dev/null
shoal create -o "$WORK/alpine.torrent" "$WORK/seed/alpine-standard-3.21.0-x86_64.iso" >/dev/null

SHOAL_JAR="$JAR" "$ROOT/shoal" --data-dir "$WORK/data" > "$WORK/desktop.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do cli ui:state >/dev/null 2>&1 && break; sleep 1; done
cli ui:state >/dev/null
cli shoal:config dev.shoal.peer listenAddress 127.0.0.1 >/dev/null
cli shoal:config dev.shoal.peer port 51413 >/dev/null
cli shoal:config dev.shoal.engine downloadDirectory "$WORK/downloads" >/dev/null
cli shoal:config dev.shoal.dht enabled false >/dev/null # no internet here to bootstrap from
sleep 3
PORT=51413

cli shoal:add "$WORK/debian.torrent" >/dev/null
cli shoal:add "$WORK/arch.torrent" >/dev/null
cli shoal:add "$WORK/alpine.torrent" --paused >/dev/null
cli shoal:label 1 iso debian >/dev/null
cli shoal:label 2 iso >/dev/null
# libtorrent_peer.py takes commands on its stdin and quits at its end: keep it open.
mkfifo "$WORK/peer-commands"
exec 4<>"$WORK/peer-commands"
# The seed dials Shoal at 4 MiB/s; a leecher takes the finished torrent from Shoal at 1 MiB/s.
"$PYTHON" "$PEER" --torrent "$WORK/debian.torrent" --dir "$WORK/seed" --port 0 --role seed \
  --upload-limit $((4 * 1024 * 1024)) --connect "127.0.0.1:$PORT" <&4 > "$WORK/seed.log" 2>&1 &
PIDS+=($!)
"$PYTHON" "$PEER" --torrent "$WORK/arch.torrent" --dir "$WORK/leecher" --port 0 --role leecher \
  --download-limit $((1024 * 1024)) --connect "127.0.0.1:$PORT" <&4 > "$WORK/leecher.log" 2>&1 &
PIDS+=($!)

# The seed checks its data first; then a few percent, so that rates, graphs and the pieces bar show.
for _ in $(seq 300); do
  done_percent=$(cli shoal:info 1 | tee "$WORK/info.txt" | grep -Eo '[0-9.]+%' | head -1 | cut -d. -f1 | tr -d '%')
  [[ ${done_percent:-0} -ge 12 ]] && break
  sleep 1
done
cli ui:select 1 >/dev/null 2>&1 || true
sleep 2
cli ui:screenshot "$OUT/main-window.png" >/dev/null
cli ui:popup context >/dev/null
sleep 1
cli ui:screenshot "$OUT/context-menu.png" >/dev/null
cli ui:popup hide >/dev/null
cli ui:press Preferences >/dev/null
sleep 2
cli ui:screenshot "$OUT/preferences.png" Preferences >/dev/null
cli ui:button Preferences Cancel >/dev/null
echo "take.sh: $OUT/main-window.png, context-menu.png, preferences.png (look at them before committing)"
