#!/usr/bin/env python3
"""The desktop at rest: CPU seconds per minute, resident and anonymous memory, with 0, 2 and 1,000
torrents seeding to nobody, the window shown and then hidden.

Each round and torrent count starts a virtual X server (Xvfb) and Shoal's desktop through the
launcher (`./shoal` with SHOAL_JAR set: the launcher's own JVM options, no build) on a fresh data
directory, with the ui: driver fragment in plugins/ (the window is hidden with `ui:window hide`;
the driver costs nothing at rest: its latency probe starts only when `ui:latency` is asked). The
torrents are made here with their data on disk (1 piece of 16 KiB each, or 8 MiB for the 2), named
after a dead tracker (127.0.0.1:9), added through `shoal cli source`, and checked until every one
seeds (`maxActiveSeeds=0`: all of them seed, none queued). After --settle seconds the process's
CPU (utime+stime of /proc/PID/stat) is read over --seconds, then VmRSS and RssAnon; then the window
is hidden and the same is read again. The threads that spent the most are printed per window, and
those that woke most often (runs counted by /proc/PID/task/*/schedstat, per thread name).
qBittorrent and transmission-gtk, when installed, are measured the same
way with a fresh profile each, window shown only (there is no window manager to minimize them).
Usage: desktop_rest.py JAR UI_DRIVER_JAR LAUNCHER WORK_DIR [--rounds N] [--seconds S] [--settle S]
       [--counts 0,2,1000] [--java-opts='...'] [--clients shoal,qbittorrent,transmission-gtk]
       (--java-opts with '=': the options start with a dash)
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

from daemon_500 import bencode
from desktop_many import Round

PIECE = 16 * 1024
TICK = os.sysconf("SC_CLK_TCK")
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def make_torrents(folder, count):
    """count torrents with their data in folder/payload; the gosh script adding them (empty for 0)."""
    payload = os.path.join(folder, "payload")
    torrents = os.path.join(folder, "torrents")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(payload)
    os.makedirs(torrents)
    size = 8 * 1024 * 1024 if count <= 10 else PIECE
    lines, files = [], []
    for i in range(count):
        path = dead_tracker_torrent(torrents, "rest-%04d.bin" % i, size, payload)
        files.append(path)
        lines.append("shoal:add '%s' --dir '%s'\n" % (path, payload))
    script = os.path.join(folder, "add.gosh")
    with open(script, "w") as out:
        out.writelines(lines)
    return script, files, payload


def dead_tracker_torrent(folder, name, size, payload=None):
    """A torrent of `size` bytes named after a dead tracker, in folder; its data in payload when given."""
    data = hashlib.sha256(name.encode()).digest() * (size // 32)
    if payload:
        with open(os.path.join(payload, name), "wb") as out:
            out.write(data)
    info = {"length": size, "name": name, "piece length": PIECE,
            "pieces": b"".join(hashlib.sha1(data[o:o + PIECE]).digest() for o in range(0, size, PIECE))}
    path = os.path.join(folder, name + ".torrent")
    with open(path, "wb") as out:
        out.write(bencode({"announce": "http://127.0.0.1:9/announce", "info": info}))
    return path


def threads(pid):
    """{thread name: (CPU ticks, times it ran)} of a process, names made unique with their tid; a
    thread's runs (the third figure of /proc/.../schedstat) count its wake-ups, however short."""
    result = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as stat:
                text = stat.read()
            with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as schedstat:
                runs = int(schedstat.read().split()[2])
        except (OSError, IndexError, ValueError):
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text[text.rindex(")") + 2:].split()
        result["%s/%s" % (name, tid)] = (int(fields[11]) + int(fields[12]), runs)
    return result


def memory(pid):
    """(VmRSS, RssAnon) in MiB."""
    values = {}
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "RssAnon"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0), values.get("RssAnon", 0)


def measure(pid, seconds):
    """CPU s/min over `seconds`, RSS and anon MiB at the end, and the busiest threads."""
    before = threads(pid)
    began = time.monotonic()
    time.sleep(seconds)
    after = threads(pid)
    took = time.monotonic() - began
    spent = {name: ticks - before.get(name, (0, 0))[0] for name, (ticks, _) in after.items()}
    woke = {}
    for name, (_, runs) in after.items():
        kind = name.rsplit("/", 1)[0]
        woke[kind] = woke.get(kind, 0) + runs - before.get(name, (0, 0))[1]
    total = sum(spent.values())
    rss, anon = memory(pid)
    busiest = sorted(((t, n) for n, t in spent.items() if t > 0), reverse=True)[:6]
    waking = sorted(((w, n) for n, w in woke.items() if w > 0), reverse=True)[:8]
    return {"cpu": total / TICK * 60 / took, "rss": rss, "anon": anon,
            "threads": ", ".join("%s %d" % (n.rsplit("/", 1)[0], t) for t, n in busiest),
            "wakeups": ", ".join("%s %d" % (n, w) for w, n in waking), "seconds": took}


def shoal_round(args, jar, driver, launcher, work, number, count):
    folder = os.path.join(work, "shoal-%d-%d" % (count, number))
    script, _, _ = make_torrents(os.path.join(work, "torrents-%d" % count), count)
    session = Round(jar, driver, folder, launcher=launcher, java_opts=args.java_opts)
    try:
        session.start()
        with open(os.path.join(session.data_dir, "plugins", "dev.shoal.engine.cfg"), "w") as out:
            out.write("maxActiveSeeds=0\n")
        started = time.monotonic()
        session.wait_for("the window", lambda: session.cli("ui:shells")[1].startswith("Shoal"), 180)
        window_s = time.monotonic() - started
        if count:
            session.ok("source", "'%s'" % script)
            session.wait_for("%d torrents seeding" % count, lambda: seeding(session) == count, 600)
        time.sleep(args.settle)
        pid = session.desktop.pid
        shown = measure(pid, args.seconds)
        hidden = None
        code, out = session.cli("ui:window", "hide")
        if code == 0:
            time.sleep(min(10, args.settle))
            hidden = measure(pid, args.seconds)
        else:
            print("  (ui:window failed, exit %d: hidden not measured; a driver older than ui:window?)" % code,
                  flush=True)
        return {"window_s": window_s, "shown": shown, "hidden": hidden}
    finally:
        session.stop()
        for sub in ("data", "tmp"):
            shutil.rmtree(os.path.join(folder, sub), ignore_errors=True)


def seeding(session):
    code, out = session.cli("shoal:list")
    return sum(1 for line in out.splitlines() if " seeding " in " %s " % line.lower()) if code == 0 else -1


def other_round(program, args, work, number, count):
    """qBittorrent or transmission-gtk on a fresh profile under its own Xvfb, torrents on the command line."""
    folder = os.path.join(work, "%s-%d-%d" % (program, count, number))
    _, files, payload = make_torrents(os.path.join(work, "torrents-%d" % count), count)
    shutil.rmtree(folder, ignore_errors=True)
    home = os.path.join(folder, "home")
    os.makedirs(home)
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    number_text = xvfb.stdout.readline().decode().strip()
    env = dict(os.environ, DISPLAY=":" + number_text, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local/share"), XDG_CACHE_HOME=os.path.join(home, ".cache"))
    paused = count > 2  # the bulk case: 1,000 paused (Shoal's 1,000 seed, a harder case)
    if program == "qbittorrent":
        # 4.5 has no --confirm-legal-notice: the notice is accepted in its configuration file.
        config = os.path.join(home, ".config", "qBittorrent")
        os.makedirs(config)
        with open(os.path.join(config, "qBittorrent.conf"), "w") as out:
            out.write("[LegalNotice]\nAccepted=true\n")
        command = ["qbittorrent", "--no-splash", "--save-path=" + payload, "--skip-dialog=true",
                   "--add-paused=%s" % ("true" if paused else "false"), *files]
    else:
        config = os.path.join(home, "transmission")
        os.makedirs(config)
        with open(os.path.join(config, "settings.json"), "w") as out:
            out.write('{"download-dir": "%s", "show-options-window": false}\n' % payload)
        command = ["transmission-gtk", "-g", config, *(["--paused"] if paused else []), *files]
    client = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        time.sleep(args.settle + 10)
        if client.poll() is not None:
            raise RuntimeError("%s exited with %d" % (program, client.returncode))
        return {"window_s": None, "shown": measure(client.pid, args.seconds), "hidden": None}
    finally:
        for process in (client, xvfb):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("desktop_rest: terminated"))
    parser = argparse.ArgumentParser()
    parser.add_argument("jar")
    parser.add_argument("driver")
    parser.add_argument("launcher")
    parser.add_argument("work")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--settle", type=int, default=60)
    parser.add_argument("--counts", default="0,2,1000")
    parser.add_argument("--java-opts", default="", help="added to the launcher's (SHOAL_JAVA_OPTS)")
    parser.add_argument("--clients", default="shoal,qbittorrent,transmission-gtk",
                        help="which of them to measure (the others only when installed)")
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    jar = os.path.join(work, "shoal.jar")
    shutil.copyfile(args.jar, jar)  # a rebuild during the run cannot mix two jars
    driver = os.path.join(work, "dev.shoal.ui.swt.driver.jar")
    shutil.copyfile(args.driver, driver)
    counts = [int(c) for c in args.counts.split(",")]
    wanted = args.clients.split(",")
    clients = [("shoal", None)] if "shoal" in wanted else []
    for program in (p for p in ("qbittorrent", "transmission-gtk") if p in wanted):
        if shutil.which(program):
            clients.append((program, program))
        else:
            print("%s: not installed, not measured" % program, flush=True)
    results = {}
    for number in range(1, args.rounds + 1):
        for name, program in clients:
            for count in counts:
                if program is None:
                    result = shoal_round(args, jar, driver, args.launcher, work, number, count)
                else:
                    result = other_round(program, args, work, number, count)
                results.setdefault((name, count), []).append(result)
                for state in ("shown", "hidden"):
                    figures = result[state]
                    if figures:
                        print("round %d %s %d torrents, window %s: %.3f CPU-s/min, RSS %.0f MiB, anon %.0f MiB;"
                              " ticks: %s; wake-ups in %.0f s: %s" % (
                                  number, name, count, state, figures["cpu"], figures["rss"], figures["anon"],
                                  figures["threads"], figures["seconds"], figures["wakeups"]), flush=True)
    print("\nmedians of %d rounds (%d s windows after %d s at rest); java options added: %s" % (
        args.rounds, args.seconds, args.settle, args.java_opts or "none"))
    print("%-18s %9s %7s %12s %8s %9s %12s %8s %9s" % ("client", "torrents", "start s", "shown CPU-s", "RSS",
                                                       "anon", "hidden CPU-s", "RSS", "anon"))
    for (name, count), runs in results.items():
        row = [name, str(count), median([r["window_s"] for r in runs], "%.1f")]
        for state in ("shown", "hidden"):
            row += [median([r[state]["cpu"] for r in runs if r[state]], "%.3f"),
                    median([r[state]["rss"] for r in runs if r[state]], "%.0f"),
                    median([r[state]["anon"] for r in runs if r[state]], "%.0f")]
        print("%-18s %9s %7s %12s %8s %9s %12s %8s %9s" % tuple(row))


def median(values, fmt):
    values = [v for v in values if v is not None]
    return fmt % statistics.median(values) if values else "-"


if __name__ == "__main__":
    main()
