"""Helper of bench/daemon-steady.sh: a long-running Shoal daemon downloads two 1 GiB torrents one
after the other, then idles seeding both; qbittorrent-nox downloads the first from the same kind of
seed in the same run.

Run with Debian's /usr/bin/python3 (it has `import libtorrent`):

  daemon_steady.py --work W --rounds N --repo R --shoal-jar J [--settle S] [--idle S]

Per round:
  1. A fresh data directory; `./shoal daemon` started the way a desktop user starts it (the launcher,
     its JVM options, SHOAL_JAVA_OPTS), listening on 127.0.0.1 only, LSD, DHT and port mapping off
     (no network here to find peers on or map ports with). Once its remote shell answers it sits
     for --settle seconds.
  2. Torrent A (4 × 256 MiB, 256 KiB pieces) added with `./shoal cli add T --dir D`; a libtorrent
     seed of A (swarm_1gib.Seed: loopback, TCP, plaintext) dials the daemon, which also finds it
     through opentracker. Done when the seed has sent the whole torrent and the daemon's list says
     `seeding`; the daemon's CPU is /proc/PID/stat utime+stime just before the add and at done.
  3. The same with torrent B (other random data, its own seed): the steady state.
  4. Both seeds paused (nobody connected, nobody asking): after --settle s, the daemon's CPU over
     --idle s, as CPU-s per minute.
  5. The daemon stopped; qbittorrent-nox downloads A from A's seed, as swarm_1gib.py runs it.
The rate is the seed's: 1 GiB over the time from its first payload byte sent to the last.
"""
import argparse
import csv
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time

import libtorrent as lt

from magnet_start import RemoteShell
from swarm_1gib import (CLK_TCK, Seed, cpu_of_tree, first_line, free_port, kill_group, log, median_of, fmt,
                        run_once, tracker_ready, v1_hex, verify, warm)

FILES = 4
FILE_MIB = 256
PIECE_LOG2 = 18
TORRENTS = ("steady-a", "steady-b")
TIMEOUT_S = 180


# --- the swarm: data, torrents, tracker ----------------------------------------------------------

def make_data(data, name):
    """FILES × FILE_MIB of random data under data/name, made once and kept while its sums match.
    Returns {relative path: (size, sha1 hex)}."""
    sums = os.path.join(data, name + ".sha1")
    folder = os.path.join(data, name)
    if os.path.isfile(sums) and subprocess.run(["sha1sum", "--status", "-c", sums], cwd=data).returncode == 0:
        expected = {}
        with open(sums) as f:
            for line in f:
                sha1, rel = line.split(None, 1)
                rel = rel.strip().lstrip("*")
                expected[rel] = (os.path.getsize(os.path.join(data, rel)), sha1)
        return expected
    log("making %d × %d MiB of random data in %s (once)..." % (FILES, FILE_MIB, folder))
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    expected = {}
    for i in range(1, FILES + 1):
        rel = "%s/part%d.bin" % (name, i)
        h = hashlib.sha1()
        with open(os.path.join(data, rel), "wb") as f:
            for _ in range(FILE_MIB):
                chunk = os.urandom(1 << 20)
                h.update(chunk)
                f.write(chunk)
        expected[rel] = (FILE_MIB << 20, h.hexdigest())
    with open(sums, "w") as f:
        for rel, (_, sha1) in expected.items():
            f.write("%s  %s\n" % (sha1, rel))
    return expected


def make_torrent(data, name, out, tracker_port):
    if os.path.exists(out):
        os.unlink(out)
    subprocess.run(["mktorrent", "-l", str(PIECE_LOG2), "-a", "http://127.0.0.1:%d/announce" % tracker_port,
                    "-o", out, os.path.join(data, name)], check=True, stdout=subprocess.DEVNULL)
    return v1_hex(out)


def start_tracker(work, port, hashes):
    """opentracker on 127.0.0.1:port with a whitelist of hashes (it chroots there and runs as nobody)."""
    folder = os.path.join(work, "tracker")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    os.chmod(folder, 0o755)
    with open(os.path.join(folder, "whitelist.txt"), "w") as f:
        f.write("".join(h + "\n" for h in hashes))
    os.chmod(os.path.join(folder, "whitelist.txt"), 0o644)
    proc = subprocess.Popen(["opentracker", "-i", "127.0.0.1", "-p", str(port), "-P", str(port), "-d", folder,
                             "-w", "/whitelist.txt"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    for h in hashes:
        if not tracker_ready(port, h, 15):
            kill_group(proc)
            raise RuntimeError("opentracker did not start")
    return proc


# --- the daemon -----------------------------------------------------------------------------------

class Daemon:
    """`./shoal daemon` in a fresh data directory; the launcher execs the JVM, the process measured."""

    def __init__(self, ctx, base, rnd):
        self.ctx = ctx
        self.conf = os.path.join(base, "conf")
        self.dl = os.path.join(base, "download")
        self.port = free_port()
        plugins = os.path.join(self.conf, "plugins")
        os.makedirs(plugins)
        os.makedirs(self.dl)
        settings = {
            "dev.shoal.peer.cfg": "listenAddress=127.0.0.1\nport=%d\n" % self.port,
            "dev.shoal.lsd.cfg": "enabled=false\n",
            "dev.shoal.dht.cfg": "enabled=false\n",
            "dev.shoal.portmap.cfg": "enabled=false\n",
            "dev.shoal.engine.cfg": "downloadDirectory=%s\n" % self.dl,
        }
        for name, text in settings.items():
            with open(os.path.join(plugins, name), "w") as f:
                f.write(text)
        self.log_path = os.path.join(ctx["work"], "logs", "shoal-%d.log" % rnd)
        os.makedirs(os.path.dirname(self.log_path), exist_ok=True)
        self.out = open(self.log_path, "w")
        env = dict(os.environ, SHOAL_JAR=ctx["shoal_jar"], SHOAL_DATA_DIR=self.conf)
        self.proc = subprocess.Popen(["./shoal", "daemon"], cwd=ctx["repo"], env=env, stdin=subprocess.DEVNULL,
                                     stdout=self.out, stderr=self.out, start_new_session=True)
        with open(ctx["pid_file"], "w") as f:
            f.write(str(self.proc.pid))
        self.shell = None

    def cpu(self):
        user, sys_ = cpu_of_tree([self.proc.pid])
        return user + sys_

    def threads(self):
        """CPU-s of each live thread by name (threads of one name summed), from /proc/PID/task."""
        out = {}
        folder = "/proc/%d/task" % self.proc.pid
        for tid in os.listdir(folder):
            try:
                with open(os.path.join(folder, tid, "stat")) as f:
                    s = f.read()
            except OSError:
                continue                    # ended meanwhile
            name = s[s.index("(") + 1:s.rindex(")")]
            fields = s[s.rindex(")") + 2:].split()
            out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / CLK_TCK
        return out

    def _alive(self):
        if self.proc.poll() is not None:
            raise RuntimeError("the daemon exited (%d): %s" % (self.proc.returncode, first_line(self.log_path)))

    def command(self, line):
        """One command line over the remote shell (no JVM started for it); (status, out, err)."""
        if self.shell is None:
            with open(os.path.join(self.conf, "remote.port")) as f:
                port = int(f.read().strip())
            with open(os.path.join(self.conf, "remote.token")) as f:
                token = f.read().strip()
            self.shell = RemoteShell(port, token)
        return self.shell.run(line)

    def wait_ready(self, limit=60):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            self._alive()
            try:
                status, out, err = self.command("type shoal:add")
                if status == 0 and "not found" not in out + err:
                    return
            except (OSError, ValueError, RuntimeError):
                if self.shell is not None:
                    self.shell.close()
                    self.shell = None
            time.sleep(0.2)
        raise RuntimeError("the daemon's remote shell did not answer within %d s" % limit)

    def add(self, torrent):
        """`shoal cli add`, as a user types it (its own JVM, not counted in the daemon's CPU)."""
        env = dict(os.environ, SHOAL_JAR=self.ctx["shoal_jar"], SHOAL_DATA_DIR=self.conf)
        env.pop("SHOAL_JAVA_OPTS", None)         # a profile of the daemon, not of the client
        done = subprocess.run(["./shoal", "cli", "add", torrent, "--dir", self.dl], cwd=self.ctx["repo"], env=env,
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        if done.returncode != 0:
            raise RuntimeError("shoal cli add: %s" % (done.stderr or done.stdout).decode(errors="replace").strip()[:200])

    def seeding(self, name):
        status, out, _ = self.command("shoal:list")
        return status == 0 and any(name in line and "seeding" in line.lower() for line in out.splitlines())

    def stop(self):
        if self.shell is not None:
            self.shell.close()
        kill_group(self.proc, grace=20)
        self.out.close()
        os.unlink(self.ctx["pid_file"])


def download(ctx, daemon, seed, name):
    """Adds torrent name, waits until it is complete: its CPU-s, MiB/s and the seed's figures."""
    t = ctx["torrents"][name]
    cpu0 = daemon.cpu()
    seed.begin(daemon.port, time.monotonic())
    try:
        daemon.add(t["torrent"])
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            daemon._alive()
            # The seed's count first (free for the daemon); its list only once everything has gone.
            if seed.reached is not None and daemon.seeding(name):
                break
            if time.monotonic() > deadline:
                raise RuntimeError("%s not complete within %d s (seed sent %d bytes)" % (name, TIMEOUT_S, seed.total))
            time.sleep(0.05)
        cpu = daemon.cpu() - cpu0
    finally:
        stats = seed.end()
    bad = verify(daemon.dl, t["expected"])
    if bad:
        raise RuntimeError("%s: bad data: %s" % (name, bad))
    return cpu, ctx["size"] / 2**20 / stats["transfer_s"]


def shoal_round(ctx, seeds, rnd, settle, idle):
    base = os.path.join(ctx["work"], "daemon")
    shutil.rmtree(base, ignore_errors=True)
    os.sync()
    for t in ctx["torrents"].values():
        warm(t["source_files"])
    daemon = Daemon(ctx, base, rnd)
    row = {"round": rnd, "client": "shoal"}
    try:
        daemon.wait_ready()
        time.sleep(settle)
        row["start_cpu_s"] = daemon.cpu()
        row["first_cpu_s"], row["first_mib_s"] = download(ctx, daemon, seeds[0], TORRENTS[0])
        log("  first GiB: %.2f CPU-s, %.0f MiB/s" % (row["first_cpu_s"], row["first_mib_s"]))
        row["second_cpu_s"], row["second_mib_s"] = download(ctx, daemon, seeds[1], TORRENTS[1])
        log("  second GiB: %.2f CPU-s, %.0f MiB/s" % (row["second_cpu_s"], row["second_mib_s"]))
        # Nobody asking: the seeds stop (their connections close), the daemon keeps seeding both.
        for s in seeds:
            s.h.unset_flags(lt.torrent_flags.auto_managed)    # else the session may resume it
            s.h.pause()
        if daemon.shell is not None:        # a connection of our own would be someone asking
            daemon.shell.close()
            daemon.shell = None
        time.sleep(settle)
        cpu0, threads0 = daemon.cpu(), daemon.threads()
        time.sleep(idle)
        row["idle_cpu_per_min"] = (daemon.cpu() - cpu0) * 60 / idle
        busy = sorted(((cpu - threads0.get(name, 0.0), name) for name, cpu in daemon.threads().items()), reverse=True)
        row["idle_threads"] = " ".join("%s=%.2f" % (name.replace(" ", "_"), cpu) for cpu, name in busy[:6] if cpu > 0)
        log("  idle: %.3f CPU-s per minute (threads, CPU-s in %d s: %s)"
            % (row["idle_cpu_per_min"], idle, row["idle_threads"] or "none"))
        daemon._alive()
        row["ok"] = True
    except (RuntimeError, OSError, ValueError, subprocess.TimeoutExpired) as e:
        row["ok"] = False
        row["reason"] = "%s: %s" % (type(e).__name__, e)
        log("  failed: " + row["reason"])
    finally:
        for s in seeds:
            s.h.resume()
        daemon.stop()
        shutil.rmtree(base, ignore_errors=True)
    return row


def main():
    ap = argparse.ArgumentParser(prog="daemon_steady.py")
    ap.add_argument("--work", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--shoal-jar", required=True)
    ap.add_argument("--settle", type=float, default=30)
    ap.add_argument("--idle", type=float, default=60)
    a = ap.parse_args()

    def on_signal(signum, frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    data = os.path.join(a.work, "data")
    tracker_port = free_port()
    ctx = {"work": a.work, "repo": a.repo, "shoal_jar": a.shoal_jar, "size": FILES * FILE_MIB << 20,
           "pid_file": os.path.join(a.work, "client.pid"), "torrents": {}}
    for name in TORRENTS:
        expected = make_data(data, name)
        torrent = os.path.join(a.work, name + ".torrent")
        ctx["torrents"][name] = {"torrent": torrent, "expected": expected,
                                 "infohash": make_torrent(data, name, torrent, tracker_port),
                                 "source_files": [os.path.join(data, rel) for rel in expected]}
    tracker = start_tracker(a.work, tracker_port, [t["infohash"] for t in ctx["torrents"].values()])
    rows = []
    try:
        log("seeds: checking %s ..." % data)
        seeds = [Seed(ctx["torrents"][n]["torrent"], data) for n in TORRENTS]
        log("seeds: libtorrent %s on 127.0.0.1:%s; tracker 127.0.0.1:%d"
            % (lt.__version__, "/".join(str(s.port) for s in seeds), tracker_port))
        # swarm_1gib's qBittorrent run wants its context: torrent A, its seed, its data.
        a_ctx = dict(ctx, torrent=ctx["torrents"][TORRENTS[0]]["torrent"], infohash=ctx["torrents"][TORRENTS[0]]["infohash"],
                     expected=ctx["torrents"][TORRENTS[0]]["expected"],
                     source_files=ctx["torrents"][TORRENTS[0]]["source_files"])
        for rnd in range(1, a.rounds + 1):
            log("round %d/%d: shoal daemon ..." % (rnd, a.rounds))
            rows.append(shoal_round(ctx, seeds, rnd, a.settle, a.idle))
            log("round %d/%d: qbittorrent ..." % (rnd, a.rounds))
            q = run_once(a_ctx, seeds[0], "qbittorrent", rnd, ctx["pid_file"])
            rows.append(q)
            if q["ok"]:
                log("  %.2f CPU-s, %.0f MiB/s" % (q["cpu_s"], q["transfer_mib_s"]))
            else:
                log("  failed: " + q["reason"])
    finally:
        kill_group(tracker)
    return report(a, rows)


def report(a, rows):
    csv_path = os.path.join(a.work, "results.csv")
    fields = ["round", "client", "ok", "start_cpu_s", "first_cpu_s", "first_mib_s", "second_cpu_s", "second_mib_s",
              "idle_cpu_per_min", "idle_threads", "cpu_s", "transfer_mib_s", "wall_s", "reason"]
    with open(csv_path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        for row in rows:
            w.writerow({k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()})
    shoal = [r for r in rows if r["client"] == "shoal"]
    qbt = [r for r in rows if r["client"] == "qbittorrent"]
    good_s = [r for r in shoal if r["ok"]]
    good_q = [r for r in qbt if r["ok"]]
    print()
    print("A Shoal daemon downloading two 1 GiB torrents (4 × 256 MiB, 256 KiB pieces) one after the other, "
          "then idle seeding both; qbittorrent-nox downloading the first; libtorrent %s seeds on loopback, "
          "medians of %d round(s)" % (lt.__version__, a.rounds))
    print()
    print("| | CPU s | MiB/s | ok |")
    print("|---|---:|---:|---|")
    ok_s = "%d/%d" % (len(good_s), len(shoal))
    print("| shoal daemon, first GiB | %s | %s | %s |" % (fmt(median_of(good_s, "first_cpu_s"), 2),
                                                        fmt(median_of(good_s, "first_mib_s"), 0), ok_s))
    print("| shoal daemon, second GiB (steady state) | %s | %s | %s |" % (
        fmt(median_of(good_s, "second_cpu_s"), 2), fmt(median_of(good_s, "second_mib_s"), 0), ok_s))
    print("| qbittorrent-nox, whole run | %s | %s | %d/%d |" % (
        fmt(median_of(good_q, "cpu_s"), 2), fmt(median_of(good_q, "transfer_mib_s"), 0), len(good_q), len(qbt)))
    print()
    idle = median_of(good_s, "idle_cpu_per_min")
    print("Shoal idle, both torrents seeding, nobody connected: %s CPU-s per minute (target ≤ 0.1); "
          "start-up and settle: %s CPU-s" % (fmt(idle, 3), fmt(median_of(good_s, "start_cpu_s"), 2)))
    ratios = [s["second_cpu_s"] / q["cpu_s"] for s, q in zip(shoal, qbt) if s["ok"] and q["ok"]]
    if ratios:
        print("steady-state CPU / qBittorrent's, per round: %s (target ≤ 1.0)" % ", ".join("%.2f" % r for r in ratios))
    for r in rows:
        if not r["ok"]:
            print("round %d %s failed: %s" % (r["round"], r["client"], r["reason"]))
    print()
    print("per-round numbers: " + csv_path)
    return 0 if len(good_s) == len(shoal) and len(good_q) == len(qbt) else 1


if __name__ == "__main__":
    sys.exit(main())
