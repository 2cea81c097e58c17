#!/usr/bin/env python3
"""A headless daemon at rest: 10,000 paused torrents, and 2 torrents seeding to nobody.

Bulk: makes --torrents single-piece torrents (16 KiB, a dead tracker on 127.0.0.1:9, no data),
adds them paused to a fresh daemon through `shoal cli 'source add.gosh'` in scripts of --chunk
lines (default: all in one script), and prints the time and the daemon's live heap after a full GC
(`jcmd GC.run` then `GC.heap_info`). Then stops it (SIGTERM), starts it again and reads its CPU
(utime+stime of /proc/PID/stat) over --windows successive windows of --seconds each from the
start, with VmRSS and the busiest threads per window.
Seeding: a second fresh daemon with 2 torrents of 8 MiB whose data is on disk; once both seed,
--windows windows of --seconds. Medians are printed for the settled windows (all but the first
two after the restart, all of them when seeding).
The daemon runs as `java <--java-opts> -jar JAR --data-dir D daemon`, without a terminal; the
default options are the launcher's (`./shoal`). LSD, port mapping and RPC are off, the DHT's
bootstrap a dead address, the peer wire on 127.0.0.1: nothing from outside wakes it.
Usage: idle_10k.py JAR WORK_DIR [--torrents N] [--chunk N] [--windows N] [--seconds S]
       [--java-opts='-Xmx384m ...'] [--skip-bulk] [--skip-seeding]
"""
import argparse
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time

from desktop_rest import dead_tracker_torrent, measure

PIECE = 16 * 1024


class Daemon:
    def __init__(self, jar, data_dir, java_opts):
        self.jar, self.data_dir, self.java_opts = jar, data_dir, java_opts
        self.process = None
        self.starts = 0

    def start(self):
        self.starts += 1
        log = open(os.path.join(self.data_dir, "..", "daemon-%d.log" % self.starts), "wb")
        self.process = subprocess.Popen(
            ["java", *self.java_opts, "-jar", self.jar, "--data-dir", self.data_dir, "daemon"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def cli(self, line, timeout=60):
        return subprocess.run(["java", "-jar", self.jar, "--data-dir", self.data_dir, "cli", line],
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout, text=True)

    def wait(self, what, check, within):
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit("idle_10k: the daemon exited (%d) waiting for %s" % (self.process.returncode, what))
            try:
                if check():
                    return
            except subprocess.TimeoutExpired:
                pass
            time.sleep(0.5)
        sys.exit("idle_10k: gave up waiting for %s after %d s" % (what, within))

    def count(self, word):
        done = self.cli("shoal:list", timeout=120)
        return sum(1 for line in done.stdout.splitlines() if word in line) if done.returncode == 0 else -1

    def heap(self):
        """Live heap in MiB after a full GC (used, from GC.heap_info's first figures)."""
        subprocess.run(["jcmd", str(self.process.pid), "GC.run"], capture_output=True, timeout=120)
        text = subprocess.run(["jcmd", str(self.process.pid), "GC.heap_info"], capture_output=True,
                              text=True, timeout=60).stdout
        used = 0
        for line in text.splitlines():
            words = line.replace(",", " ").split()
            if "used" in words and ("total" in words):
                figure = words[words.index("used") + 1]
                used += int(figure.rstrip("K")) if figure.endswith("K") else 0
        return used / 1024

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=120)

    def kill(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def windows(daemon, args, label):
    figures = []
    for number in range(args.windows):
        figure = measure(daemon.process.pid, args.seconds)
        figures.append(figure["cpu"])
        print("%s window %d: %.2f CPU-s/min, RSS %.0f MiB; ticks: %s"
              % (label, number + 1, figure["cpu"], figure["rss"], figure["threads"]), flush=True)
    return figures


def settings(data_dir, downloads):
    plugins = os.path.join(data_dir, "plugins")
    os.makedirs(plugins)
    with open(os.path.join(plugins, "dev.shoal.engine.cfg"), "w") as out:
        out.write("downloadDirectory=%s\nmaxActiveSeeds=0\n" % downloads)
    with open(os.path.join(plugins, "dev.shoal.peer.cfg"), "w") as out:
        out.write("listenAddress=127.0.0.1\n")
    with open(os.path.join(plugins, "dev.shoal.lsd.cfg"), "w") as out:
        out.write("enabled=false\n")
    with open(os.path.join(plugins, "dev.shoal.portmap.cfg"), "w") as out:
        out.write("enabled=false\n")
    with open(os.path.join(plugins, "dev.shoal.rpc.cfg"), "w") as out:
        out.write("enabled=false\n")
    with open(os.path.join(plugins, "dev.shoal.dht.cfg"), "w") as out:
        out.write("bootstrapNodes=127.0.0.1:9\n")


def fresh(work, name, files):
    """A fresh folder work/name with a subfolder `files` and a data dir set up: (folder, files, data dir)."""
    folder = os.path.join(work, name)
    shutil.rmtree(folder, ignore_errors=True)
    inside = os.path.join(folder, files)
    os.makedirs(inside)
    data_dir = os.path.join(folder, "data")
    settings(data_dir, os.path.join(folder, "downloads"))
    return folder, inside, data_dir


def bulk(args, work):
    folder, torrents, data_dir = fresh(work, "bulk", "torrents")
    scripts, lines = [], []
    for i in range(args.torrents):
        path = dead_tracker_torrent(torrents, "idle-%05d.bin" % i, PIECE)
        lines.append("shoal:add '%s' --paused\n" % path)
    chunk = args.chunk or len(lines)
    for start in range(0, len(lines), chunk):
        script = os.path.join(folder, "add-%05d.gosh" % start)
        with open(script, "w") as out:
            out.writelines(lines[start:start + chunk])
        scripts.append(script)
    daemon = Daemon(args.jar, data_dir, args.java_opts)
    try:
        daemon.start()
        daemon.wait("the daemon to answer", lambda: daemon.cli("shoal:list").returncode == 0, 120)
        began = time.monotonic()
        for script in scripts:
            done = daemon.cli("source '%s'" % script, timeout=3600)
            if done.returncode != 0:
                print("bulk: source %s failed: %s" % (script, (done.stderr or done.stdout).strip()[-300:]))
                break
        took = time.monotonic() - began
        listed = daemon.count("idle-")
        # Stopping while the engine's store still writes would lose torrents (it waits 30 s at most).
        store = os.path.join(data_dir, "torrents")
        daemon.wait("every torrent's record written", lambda: sum(
            1 for name in os.listdir(store) if name.endswith(".state")) > listed, 1800)
        stored = time.monotonic() - began
        print("bulk: %d torrents added paused in %d script(s) of %d lines: %.1f s (records all written after"
              " %.1f s); %d listed; live heap %.1f MiB"
              % (args.torrents, len(scripts), chunk, took, stored, listed, daemon.heap()), flush=True)
        daemon.stop()
        started = time.monotonic()
        daemon.start()
        daemon.wait("%d torrents listed" % args.torrents, lambda: daemon.count("idle-") >= args.torrents, 300)
        print("restart: %d torrents listed %.1f s after the start" % (args.torrents, time.monotonic() - started))
        figures = windows(daemon, args, "restart")
        print("restart: live heap %.1f MiB" % daemon.heap())
        settled = figures[2:] or figures
        print("RESULT paused-%d: first windows %s; settled median %.3f CPU-s/min"
              % (args.torrents, ", ".join("%.2f" % f for f in figures[:2]), statistics.median(settled)))
        daemon.stop()
    finally:
        daemon.kill()


def seeding(args, work):
    _, downloads, data_dir = fresh(work, "seed", "downloads")
    paths = [dead_tracker_torrent(downloads, "seed-%d.bin" % i, 8 << 20, downloads) for i in range(2)]
    daemon = Daemon(args.jar, data_dir, args.java_opts)
    try:
        daemon.start()
        daemon.wait("the daemon to answer", lambda: daemon.cli("shoal:list").returncode == 0, 120)
        for path in paths:
            daemon.cli("shoal:add '%s'" % path)
        daemon.wait("2 torrents seeding", lambda: daemon.count("eeding") >= 2, 120)
        time.sleep(args.seconds)
        figures = windows(daemon, args, "seeding")
        print("RESULT seeding-2: median %.3f CPU-s/min" % statistics.median(figures))
        daemon.stop()
    finally:
        daemon.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("jar")
    parser.add_argument("work")
    parser.add_argument("--torrents", type=int, default=10000)
    parser.add_argument("--chunk", type=int, default=0)
    parser.add_argument("--windows", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--java-opts", default="-XX:+UseSerialGC -Xms16m -Xmx384m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
                        " -XX:-UsePerfData")
    parser.add_argument("--skip-bulk", action="store_true")
    parser.add_argument("--skip-seeding", action="store_true")
    args = parser.parse_args()
    args.java_opts = shlex.split(args.java_opts)
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    if not args.skip_bulk:
        bulk(args, work)
    if not args.skip_seeding:
        seeding(args, work)


if __name__ == "__main__":
    main()
