#!/usr/bin/env python3
"""The desktop window with 10,000 torrents: how responsive its display thread stays, and how much work
it does per refresh, while the table scrolls, sorts and filters.

Each round starts a virtual X server (Xvfb) and the desktop (`java -jar shoal.jar`) on a fresh data
directory, adds the torrents paused through `shoal cli source` scripts of `shoal:add --paused` lines
(as DesktopManyTorrentsIT does: 1-piece torrents whose data is not on disk, a dead tracker, no peers),
waits until the table shows them all, resets the window's figures, then drives it as the IT does:
two passes of scrolling through the table, sorting by every column both ways and filtering. It then
reads `ui:latency` (the event loop's own timing: longest and p99 busy stretch, longest delay of the
probe's asyncExec) and `ui:work` (rows asked for and formatted, images made per refresh; engine calls
on the display thread). Prints each round and the medians over the rounds.
The `ui:` commands come in a fragment no shoal.jar carries (dev.shoal.ui.swt.driver): each round drops
it into the data directory's plugins/ before the start, as the desktop ITs do.
Usage: desktop_many.py JAR UI_DRIVER_JAR WORK_DIR [--rounds N] [--torrents N]
"""
import argparse
import hashlib
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time

from daemon_500 import bencode  # the same few lines of bencode, beside this script

PER_SCRIPT = 2000
COLUMNS = ["Name", "Size", "Progress", "State", "Down", "Up", "ETA", "Seeds", "Peers", "Uploaded", "Ratio", "#"]
FIGURE = re.compile(r"(\w+)=([0-9.]+)")
ROWS = re.compile(r"rows\D{0,3}(\d+)")
# (label, figure) in the order printed: the script's own timing, then ui:latency's, then ui:work's.
REPORTED = [
    ("add s", "add_s"),
    ("steps s", "steps_s"),
    ("max busy ms", "maxBusyMs"),
    ("p99 busy ms", "p99BusyMs"),
    ("max probe delay ms", "maxProbeDelayMs"),
    ("dispatches", "dispatches"),
    ("refreshes", "refreshes"),
    ("rows on screen", "rowsOnScreen"),
    ("max SetData/refresh", "maxSetDataPerRefresh"),
    ("max rows formatted/refresh", "maxRowsFormattedPerRefresh"),
    ("rows formatted", "rowsFormatted"),
    ("images made", "imagesMade"),
    ("fixed-height rows", "fixedHeightRows"),
    ("engine calls (all threads)", "engineCalls"),
    ("engine calls on display thread", "engineCallsOnDisplayThread"),
]


def add_scripts(work, count):
    """Torrents many-NNNNN.bin (a 1-piece file of 1000+N bytes, not on disk) and the gosh scripts adding them."""
    torrents = os.path.join(work, "torrents")
    downloads = os.path.join(work, "downloads")
    shutil.rmtree(torrents, ignore_errors=True)
    os.makedirs(torrents)
    scripts, lines = [], []
    for i in range(count):
        name = "many-%05d.bin" % i
        info = {"length": 1000 + i, "name": name, "piece length": 16384,
                "pieces": hashlib.sha1(name.encode()).digest()}
        path = os.path.join(torrents, name + ".torrent")
        with open(path, "wb") as out:
            out.write(bencode({"announce": "http://127.0.0.1:9/announce", "info": info}))
        lines.append("shoal:add '%s' --paused --dir '%s'\n" % (path, downloads))
        if len(lines) == PER_SCRIPT or i == count - 1:
            script = os.path.join(torrents, "add-%d.gosh" % len(scripts))
            with open(script, "w") as out:
                out.writelines(lines)
            scripts.append(script)
            lines = []
    return scripts


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Round:
    """One Xvfb and one desktop on a fresh data directory; stop() ends both, by their process ids."""

    def __init__(self, jar, driver, folder, launcher=None, java_opts=""):
        self.jar = jar
        self.driver = driver
        self.folder = folder
        # The ./shoal script (with SHOAL_JAR set: its JVM options, no build), else plain `java -jar`.
        self.launcher = launcher
        self.java_opts = java_opts
        self.data_dir = os.path.join(folder, "data")
        self.xvfb = None
        self.desktop = None

    def start(self):
        shutil.rmtree(self.folder, ignore_errors=True)
        plugins = os.path.join(self.data_dir, "plugins")
        tmp = os.path.join(self.folder, "tmp")
        os.makedirs(plugins)
        os.makedirs(tmp)
        with open(os.path.join(plugins, "dev.shoal.peer.cfg"), "w") as out:
            out.write("listenAddress=127.0.0.1\nport=%d\n" % free_port())
        shutil.copyfile(self.driver, os.path.join(plugins, "dev.shoal.ui.swt.driver.jar"))
        self.xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1400x900x24", "-nolisten", "tcp",
                                      "-noreset"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        number = self.xvfb.stdout.readline().decode().strip()
        if not number.isdigit():
            sys.exit("desktop_many: Xvfb gave no display number (said %r)" % number)
        env = dict(os.environ, DISPLAY=":" + number, XDG_DATA_HOME=os.path.join(self.folder, "xdg-data"))
        if self.launcher:
            env.update(SHOAL_JAR=self.jar, SHOAL_JAVA_OPTS=("-Djava.io.tmpdir=%s %s" % (tmp, self.java_opts)).strip())
            command = [self.launcher, "--data-dir", self.data_dir]
        else:
            command = ["java", "-Djava.io.tmpdir=" + tmp, "-jar", self.jar, "--data-dir", self.data_dir]
        self.desktop = subprocess.Popen(command, env=env,
            stdin=subprocess.DEVNULL, stdout=open(os.path.join(self.folder, "desktop.out"), "wb"),
            stderr=open(os.path.join(self.folder, "desktop.err"), "wb"), start_new_session=True)

    def cli(self, *words):
        done = subprocess.run(["java", "-jar", self.jar, "--data-dir", self.data_dir, "cli", *words],
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
        return done.returncode, done.stdout.decode()

    def ok(self, *words):
        code, out = self.cli(*words)
        if code != 0:
            raise RuntimeError("shoal cli %s: exit %d\n%s" % (" ".join(words), code, out))
        return out

    def wait_for(self, what, check, within):
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.desktop.poll() is not None:
                raise RuntimeError("the desktop exited with %d; see %s" % (self.desktop.returncode, self.folder))
            if check():
                return
            time.sleep(0.3)
        raise RuntimeError("gave up waiting for %s after %d s" % (what, within))

    def rows(self):
        code, out = self.cli("ui:state")
        match = ROWS.search(out) if code == 0 else None
        return int(match.group(1)) if match else -1

    def stop(self):
        for process in (self.desktop, self.xvfb):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


def figures(text):
    return {name: float(value) for name, value in FIGURE.findall(text)}


def drive(session, count):
    """The IT's steps: scroll, sort by every column both ways, filter; twice. Each step then a ui:state probe."""
    def step(*words):
        session.ok(*words)
        session.ok("ui:state")

    matching = sum(1 for i in range(count) if "many-0999" in "many-%05d.bin" % i)

    for _ in range(2):
        for top in range(0, count, max(1, count // 8)):
            step("ui:scroll", str(top))
        for column in COLUMNS:
            step("ui:sort", "'%s'" % column, "asc")  # '#' unquoted starts a Gogo comment
            step("ui:sort", "'%s'" % column, "desc")
        step("ui:filter", "paused")
        step("ui:scroll", str(max(0, count - 20)))
        step("ui:filter", "all", "many-0999")
        session.wait_for("the filtered rows", lambda: session.rows() == matching, 120)
        step("ui:filter", "downloading")
        step("ui:filter", "all")
        session.wait_for("all rows back", lambda: session.rows() == count, 120)
    session.ok("ui:sort", "Name", "asc")
    session.ok("ui:scroll", str(count // 2))


def one_round(jar, driver, work, number, scripts, count):
    session = Round(jar, driver, os.path.join(work, "round-%d" % number))
    try:
        session.start()
        session.wait_for("the window", lambda: session.cli("ui:shells")[1].startswith("Shoal"), 120)
        began = time.monotonic()
        for script in scripts:
            session.ok("source", "'%s'" % script)
        session.wait_for("%d rows" % count, lambda: session.rows() == count, 300)
        added = time.monotonic() - began
        session.ok("ui:latency", "reset")
        session.ok("ui:work", "reset")
        began = time.monotonic()
        drive(session, count)
        steps = time.monotonic() - began
        result = {"add_s": added, "steps_s": steps}
        latency = session.ok("ui:latency")
        result.update(figures(latency))
        result.update(figures(session.ok("ui:work")))
        result["slowest"] = [line for line in latency.splitlines() if line.startswith("slowest:")]
        return result
    finally:
        session.stop()
        # The logs stay; the data directory (10,000 torrents' state) and the JVM's temp folder go.
        for folder in ("data", "tmp"):
            shutil.rmtree(os.path.join(session.folder, folder), ignore_errors=True)


def main():
    # SIGTERM (a CI time-out, kill) ends the script through its finally blocks, which stop what it started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("desktop_many: terminated"))
    parser = argparse.ArgumentParser()
    parser.add_argument("jar")
    parser.add_argument("driver")
    parser.add_argument("work")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--torrents", type=int, default=10000)
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    # A copy, so that a build during the benchmark cannot mix two jars.
    jar = os.path.join(work, "shoal.jar")
    shutil.copyfile(args.jar, jar)
    driver = os.path.join(work, "dev.shoal.ui.swt.driver.jar")
    shutil.copyfile(args.driver, driver)
    scripts = add_scripts(work, args.torrents)
    results = []
    for number in range(1, args.rounds + 1):
        result = one_round(jar, driver, work, number, scripts, args.torrents)
        results.append(result)
        print("round %d: %s" % (number, ", ".join("%s %s" % (label, shown(result.get(key)))
                                                  for label, key in REPORTED)), flush=True)
        for line in result["slowest"]:
            print("  " + line, flush=True)
    print("\n%d torrents, medians of %d rounds:" % (args.torrents, len(results)))
    for label, key in REPORTED:
        values = [r[key] for r in results if key in r]
        print("  %-32s %8s   (rounds: %s)" % (label, shown(statistics.median(values)) if values else "-",
                                               ", ".join(shown(v) for v in values)))


def shown(value):
    if value is None:
        return "-"
    return "%d" % value if float(value).is_integer() else "%.1f" % value


if __name__ == "__main__":
    main()
