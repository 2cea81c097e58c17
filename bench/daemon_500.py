#!/usr/bin/env python3
"""500 torrents in one Shoal daemon: how fast `shoal cli list` answers and how long a restart takes.

Makes 500 single-file torrents of 64 KiB each (half of them with their data on disk, so they come
back seeding; half without, so they wait to download from a tracker that is not there), hands them
to a daemon through its watch folder, then measures:
  - `shoal cli list` wall time (several runs: median and max), from the client's start to its exit;
  - the daemon's stop on SIGTERM (state saved);
  - the restart: from starting the daemon process again until `shoal cli list` answers with all
    500 torrents, and until every complete one is seeding again (no torrent rechecked).
Usage: daemon_500.py JAR WORK_DIR [--torrents N] [--runs N]
"""
import argparse
import hashlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

PIECE = 16 * 1024
SIZE = 64 * 1024
DEAD_TRACKER = b"http://127.0.0.1:9/announce"


def bencode(value):
    if isinstance(value, int):
        return b"i%de" % value
    if isinstance(value, bytes):
        return b"%d:%s" % (len(value), value)
    if isinstance(value, str):
        return bencode(value.encode())
    if isinstance(value, list):
        return b"l" + b"".join(bencode(v) for v in value) + b"e"
    if isinstance(value, dict):
        items = sorted((k.encode() if isinstance(k, str) else k, v) for k, v in value.items())
        return b"d" + b"".join(bencode(k) + bencode(v) for k, v in items) + b"e"
    raise TypeError(type(value))


def make_torrents(work, count):
    """Writes payload/bench-NNN.bin for even N and torrents/bench-NNN.torrent for all."""
    payload = os.path.join(work, "payload")
    torrents = os.path.join(work, "torrents")
    for folder in (payload, torrents):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
    for i in range(count):
        name = "bench-%03d.bin" % i
        data = os.urandom(SIZE)
        pieces = b"".join(hashlib.sha1(data[o:o + PIECE]).digest() for o in range(0, SIZE, PIECE))
        info = {"name": name, "length": SIZE, "piece length": PIECE, "pieces": pieces}
        with open(os.path.join(torrents, name[:-4] + ".torrent"), "wb") as out:
            out.write(bencode({"announce": DEAD_TRACKER, "info": info}))
        if i % 2 == 0:
            with open(os.path.join(payload, name), "wb") as out:
                out.write(data)
    return payload, torrents


class Daemon:
    def __init__(self, jar, data_dir, log_dir):
        self.jar = jar
        self.data_dir = data_dir
        self.log_dir = log_dir
        self.process = None
        self.starts = 0

    def start(self):
        self.starts += 1
        out = open(os.path.join(self.log_dir, "daemon-%d.out" % self.starts), "wb")
        err = open(os.path.join(self.log_dir, "daemon-%d.err" % self.starts), "wb")
        self.process = subprocess.Popen(
            ["java", "-XX:+UseParallelGC", "-Xmx384m", "-jar", self.jar, "--data-dir", self.data_dir, "daemon"],
            stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True)
        return time.monotonic()

    def stop(self):
        began = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=60)
        return time.monotonic() - began, code

    def kill(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def cli(self, *words, timeout=30):
        began = time.monotonic()
        done = subprocess.run(["java", "-jar", self.jar, "--data-dir", self.data_dir, "cli", *words],
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
        return time.monotonic() - began, done

    def rows(self):
        """The torrent rows `cli list` prints now (None while no daemon answers)."""
        _, done = self.cli("shoal:list")
        if done.returncode != 0:
            return None
        return [line for line in done.stdout.decode().splitlines() if "bench-" in line]


def wait_for(what, check, within):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    sys.exit("daemon_500: gave up waiting for %s after %d s" % (what, within))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("jar")
    parser.add_argument("work")
    parser.add_argument("--torrents", type=int, default=500)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    count = args.torrents
    payload, torrents = make_torrents(work, count)
    data_dir = os.path.join(work, "data")
    watch = os.path.join(work, "watch")
    logs = os.path.join(work, "logs")
    for folder in (data_dir, watch, logs):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
    plugins = os.path.join(data_dir, "plugins")
    os.makedirs(plugins)
    settings = {
        # Every complete torrent seeds (no seed queue), so 250 torrents are active at once.
        "dev.shoal.engine.cfg": "downloadDirectory=%s\nmaxActiveSeeds=0\n" % payload,
        "dev.shoal.watch.cfg": "folder=%s\npollSeconds=1\n" % watch,
        "dev.shoal.peer.cfg": "listenAddress=127.0.0.1\n",
    }
    for name, text in settings.items():
        with open(os.path.join(plugins, name), "w") as out:
            out.write(text)

    daemon = Daemon(args.jar, data_dir, logs)
    try:
        daemon.start()
        wait_for("the daemon to answer", lambda: daemon.rows() is not None, 60)
        for name in sorted(os.listdir(torrents)):
            shutil.copy(os.path.join(torrents, name), os.path.join(watch, name + ".part"))
            os.rename(os.path.join(watch, name + ".part"), os.path.join(watch, name))
        began = time.monotonic()
        wait_for("%d torrents through the watch folder" % count,
                 lambda: len(daemon.rows() or []) == count, 180)
        print("added %d torrents through the watch folder in %.1f s" % (count, time.monotonic() - began))
        seeding = lambda: sum(1 for row in daemon.rows() or [] if "seeding" in row.lower())
        wait_for("the complete half to seed", lambda: seeding() >= count // 2, 120)

        times = []
        for _ in range(args.runs):
            took, done = daemon.cli("shoal:list")
            assert done.returncode == 0, done.stderr.decode()
            times.append(took)
        print("cli list with %d torrents: median %.3f s, max %.3f s over %d runs"
              % (count, statistics.median(times), max(times), len(times)))

        stop_took, code = daemon.stop()
        print("daemon stop on SIGTERM: %.2f s, exit status %d" % (stop_took, code))

        started = daemon.start()
        wait_for("the restarted daemon to list %d torrents" % count,
                 lambda: len(daemon.rows() or []) == count, 60)
        listed = time.monotonic() - started
        wait_for("the complete half to seed again", lambda: seeding() >= count // 2, 60)
        seeding_again = time.monotonic() - started
        rows = daemon.rows()
        checking = sum(1 for row in rows if "checking" in row.lower())
        print("restart: %d torrents listed %.2f s after the daemon started; all %d complete ones seeding "
              "after %.2f s; %d checking at that point" % (count, listed, count // 2, seeding_again, checking))
        daemon.stop()
    finally:
        daemon.kill()


if __name__ == "__main__":
    main()
