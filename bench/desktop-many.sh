#!/usr/bin/env bash
# The desktop window with 10,000 torrents under Xvfb: the display thread's longest and p99 busy
# stretch, the probe's longest delay, and its work per refresh (ui:latency, ui:work), while the
# table scrolls, sorts and filters as DesktopManyTorrentsIT drives it. Medians over the rounds.
#
# Usage: bench/desktop-many.sh [--rounds N] [--torrents N]
# Environment:
#   BENCH_DIR=/tmp/shoal-bench-desktop   work folder: torrents, and per round a data dir and the desktop's output
#   SHOAL_JAR=distribution/target/shoal.jar   the jar under test (never built here)
#   SHOAL_UI_DRIVER=bundles/dev.shoal.ui.swt.driver/target/dev.shoal.ui.swt.driver-*.jar   the ui: commands'
#     fragment, which no shoal.jar carries: each round drops it into the data directory's plugins/
# Needs Java, python3, Xvfb and GTK 3; no peers, no tracker (the torrents name a dead one on 127.0.0.1:9).
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/shoal-bench-desktop}
SHOAL_JAR=${SHOAL_JAR:-$ROOT/distribution/target/shoal.jar}
[[ -f $SHOAL_JAR ]] || { echo "desktop-many: $SHOAL_JAR is missing: build it with ./shoal --version" >&2; exit 1; }
if [[ -z ${SHOAL_UI_DRIVER:-} ]]; then
  SHOAL_UI_DRIVER=$(ls "$ROOT"/bundles/dev.shoal.ui.swt.driver/target/dev.shoal.ui.swt.driver-*.jar 2>/dev/null | head -1)
fi
[[ -f ${SHOAL_UI_DRIVER:-} ]] || { echo "desktop-many: no ui driver jar: build it with" \
  "mvn -B -q -DskipTests package -pl bundles/dev.shoal.ui.swt.driver -am" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "desktop-many: no Xvfb: apt-get install xvfb" >&2; exit 1; }
mkdir -p "$BENCH_DIR"
exec python3 "$ROOT/bench/desktop_many.py" "$SHOAL_JAR" "$SHOAL_UI_DRIVER" "$BENCH_DIR" "$@"
