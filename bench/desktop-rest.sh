#!/usr/bin/env bash
# The desktop at rest under Xvfb: CPU seconds per minute, RSS and anonymous memory with 0, 2 and
# 1,000 torrents seeding to nobody, the window shown and hidden, started through the launcher
# (./shoal, so with its JVM options); qBittorrent and transmission-gtk too when installed
# (Debian: apt-get install qbittorrent transmission-gtk; their 1,000 are added paused).
#
# Usage: bench/desktop-rest.sh [--rounds N] [--seconds S] [--settle S] [--counts 0,2,1000] [--java-opts='...']
#        [--clients shoal,qbittorrent,transmission-gtk]
# Environment:
#   BENCH_DIR=/tmp/shoal-bench-rest   work folder: torrents and their data, per round the desktop's output
#   SHOAL_JAR=distribution/target/shoal.jar   the jar under test (never built here)
#   SHOAL_UI_DRIVER=bundles/dev.shoal.ui.swt.driver/target/dev.shoal.ui.swt.driver-*.jar   the ui: fragment
# Needs Java, python3, Xvfb and GTK 3; no peers (the torrents name a dead tracker on 127.0.0.1:9).
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/shoal-bench-rest}
SHOAL_JAR=${SHOAL_JAR:-$ROOT/distribution/target/shoal.jar}
[[ -f $SHOAL_JAR ]] || { echo "desktop-rest: $SHOAL_JAR is missing: build it with ./shoal --version" >&2; exit 1; }
if [[ -z ${SHOAL_UI_DRIVER:-} ]]; then
  SHOAL_UI_DRIVER=$(ls "$ROOT"/bundles/dev.shoal.ui.swt.driver/target/dev.shoal.ui.swt.driver-*.jar 2>/dev/null | head -1)
fi
[[ -f ${SHOAL_UI_DRIVER:-} ]] || { echo "desktop-rest: no ui driver jar: build it with" \
  "mvn -B -q -DskipTests package -pl bundles/dev.shoal.ui.swt.driver -am" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "desktop-rest: no Xvfb: apt-get install xvfb" >&2; exit 1; }
mkdir -p "$BENCH_DIR"
exec python3 "$ROOT/bench/desktop_rest.py" "$SHOAL_JAR" "$SHOAL_UI_DRIVER" "$ROOT/shoal" "$BENCH_DIR" "$@"
