"""Helper of bench/dht-magnet.sh: a tracker-less magnet through a loopback DHT (bench/dht_net.py's
virtual network) to the metadata and the first block, Shoal against libtorrent's own leecher, cold
and warm; then the cost of an idle node holding a full routing table, both side by side.

Run with Debian's /usr/bin/python3 (it has `import libtorrent`). Subcommands:

  leech MAGNET DIR CONF PORT ROUTER   libtorrent's leecher, DHT on, bootstrapped at ROUTER; writes
                                      CONF/<hash>.torrent on the metadata. MAGNET "-": writes
                                      CONF/ready once its DHT knows 8 nodes, then reads the link
                                      from stdin (warm)
  idle CONF PORT ROUTER               a libtorrent session with the DHT only; every 10 s writes
                                      CONF/table.json (its routing table's nodes per bucket)
  run ...                             the benchmark (see bench/dht-magnet.sh)

The moments are magnet_start.py's: metadata = the client's copy of the torrent appearing as a file
(Shoal: <hash>.torrent under its data or session folder; libtorrent: written here on
metadata_received_alert), first block = the first non-zero byte in the torrent's file; polled
every 10 ms. Cold: from the start of the client's process. Warm: from the add, in a client that
runs, whose DHT already knows 8 good nodes, and that then sat 2 s.
"""
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time

import libtorrent as lt

from magnet_start import Libtorrent as MagnetLibtorrent, Shoal as MagnetShoal, await_moments, fmt, leech_magnet, spread
from swarm_1gib import LOCAL_ONLY, Seed, first_line, free_port, kill_group, log

TIMEOUT_S = 90
SETTLE_S = 2.0
HERE = os.path.dirname(os.path.abspath(__file__))


def dht_settings(router):
    return {
        "enable_dht": True, "dht_bootstrap_nodes": router,
        # Every node here is on 127.0.0.0/8: libtorrent would drop them as one IP, or as "dark".
        "dht_restrict_routing_ips": False, "dht_restrict_search_ips": False, "dht_ignore_dark_internet": False,
    }


def session(port, router):
    settings = dict(LOCAL_ONLY)
    settings.update(dht_settings(router))
    settings.update({"listen_interfaces": "127.0.0.1:%d" % port,
                     "alert_mask": lt.alert.category_t.status_notification | lt.alert.category_t.error_notification
                     | lt.alert.category_t.dht_notification})
    return lt.session(settings)


def leech(magnet, save_path, conf, port, router):
    def joined(ses):
        deadline = time.monotonic() + TIMEOUT_S
        while ses.status().dht_nodes < 8 and time.monotonic() < deadline:
            time.sleep(0.05)
    return leech_magnet(magnet, save_path, conf, port, dht_settings(router), joined)


def idle(conf, port, router):
    ses = session(port, router)
    while True:
        ses.post_dht_stats()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            ses.wait_for_alert(int(max(1, (deadline - time.monotonic()) * 1000)))
            for a in ses.pop_alerts():
                if isinstance(a, lt.dht_stats_alert):
                    table = [[b["num_nodes"], b["num_replacements"]] for b in a.routing_table]
                    with open(os.path.join(conf, "table.json.tmp"), "w") as f:
                        json.dump(table, f)
                    os.replace(os.path.join(conf, "table.json.tmp"), os.path.join(conf, "table.json"))


# --- the clients -------------------------------------------------------------------------------

def shoal_config(conf, router, port=None):
    """plugins/*.cfg of a Shoal data directory: peers (and so the UDP port) on loopback, the DHT
    bootstrapped at the virtual network's router, LSD and the RPC off."""
    plugins = os.path.join(conf, "plugins")
    os.makedirs(plugins, exist_ok=True)
    files = {"dev.shoal.peer": "listenAddress=127.0.0.1\n" + ("port=%d\n" % port if port else ""),
             "dev.shoal.dht": "enabled=true\nbootstrapNodes=%s\n" % router,
             "dev.shoal.lsd": "enabled=false\n", "dev.shoal.rpc": "enabled=false\n"}
    for pid, text in files.items():
        with open(os.path.join(plugins, pid + ".cfg"), "w") as f:
            f.write(text)


GOOD = re.compile(r"IPv4 nodes: (\d+) good, (\d+) dubious")


def shoal_dht(shell):
    """shoal:dht's text and its good and dubious IPv4 counts (None when not shown)."""
    status, out, err = shell.run("shoal:dht")
    m = GOOD.search(out)
    return out.strip(), (int(m.group(1)), int(m.group(2))) if m else None


class Shoal(MagnetShoal):
    def prepare(self):
        os.makedirs(os.path.join(self.conf, "tmp"))
        self.shell = None
        shoal_config(self.conf, self.ctx["router"], self.port)

    def command(self):
        return self._java() + ["--data-dir", self.conf, "get", "--dir", self.dl, "--port", str(self.port),
                               "--seed-ratio", "0", "--timeout", "%ds" % TIMEOUT_S, self.ctx["magnet"]]

    def warm_joined(self):
        """Asks shoal:dht (which also starts a delayed node); true once it has 8 good nodes."""
        _, counts = shoal_dht(self.shell)
        return counts is not None and counts[0] >= 8


class Libtorrent(MagnetLibtorrent):
    def command(self, magnet=None):
        return [sys.executable, os.path.abspath(__file__), "leech", magnet or self.ctx["magnet"], self.dl,
                self.conf, str(self.port), self.ctx["router"]]

    def warm_joined(self):
        return True                                # "ready" is written once its DHT knows 8 nodes


CLIENTS = {"shoal": Shoal, "libtorrent": Libtorrent}


class Net:
    """bench/dht_net.py as a child process."""

    def __init__(self, work, nodes):
        self.status_file = os.path.join(work, "net-status.json")
        self.log = open(os.path.join(work, "logs", "net.log"), "w")
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, "dht_net.py"), str(nodes), self.status_file],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
                                     start_new_session=True)
        self.router = self.proc.stdout.readline().decode().strip()
        if not self.router:
            raise RuntimeError("the virtual DHT did not start: " + first_line(self.log.name))

    def tell(self, line):
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def status(self):
        try:
            with open(self.status_file) as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    def stop(self):
        kill_group(self.proc)
        self.log.close()


def run_once(ctx, seed, net, name, rnd, warm):
    base = os.path.join(ctx["work"], "run")
    subprocess.run(["rm", "-rf", base], check=True)
    dl, conf = os.path.join(base, "download"), os.path.join(base, "conf")
    os.makedirs(dl)
    os.makedirs(conf)
    client = CLIENTS[name](dict(ctx, warm=warm), dl, conf, free_port())
    row = {"round": rnd, "client": name, "mode": "warm" if warm else "cold", "ok": False, "reason": ""}
    client.prepare()
    net.tell("keep %d" % seed.port)                 # earlier leechers' announces go; the seed's stay
    os.sync()
    if name == "shoal" and not warm:
        t = time.monotonic()
        subprocess.run(["java", "-jar", ctx["shoal_jar"], "--version"], stdout=subprocess.DEVNULL, check=True)
        row["startup_s"] = time.monotonic() - t
    time.sleep(0.3)
    files = [os.path.join(dl, rel) for rel in ctx["files"]]
    out_path = os.path.join(ctx["work"], "logs", "%s-%s-%d.log" % (name, row["mode"], rnd))
    out = open(out_path, "w")
    metadata = block = t0 = None
    failure = None
    started = time.monotonic()
    cmd = client.warm_command() if warm else client.command()
    row["load"] = os.getloadavg()[0]
    if not warm:
        t0 = started
    proc = subprocess.Popen(cmd, stdin=client.warm_stdin if warm else subprocess.DEVNULL, stdout=out, stderr=out,
                            env=client.env(), start_new_session=True)
    with open(ctx["pid_file"], "w") as f:
        f.write(str(proc.pid))
    try:
        if warm:
            while not (client.warm_ready() and client.warm_joined()):
                if proc.poll() is not None:
                    raise RuntimeError("exited %d before it was ready: %s" % (proc.returncode, first_line(out_path)))
                if time.monotonic() - started > TIMEOUT_S:
                    raise RuntimeError("not ready (and 8 DHT nodes) within %d s" % TIMEOUT_S)
                time.sleep(0.1)
            row["ready_s"] = time.monotonic() - started
            time.sleep(SETTLE_S)
            row["load"] = os.getloadavg()[0]
            t0 = time.monotonic()
            client.warm_add(proc)
            row["add_s"] = time.monotonic() - t0
        metadata, block, failure = await_moments(proc, client, files, t0, out_path, row, TIMEOUT_S)
    except (RuntimeError, OSError, ValueError) as e:
        failure = "%s: %s" % (type(e).__name__, e)
    finally:
        kill_group(proc)
        out.close()
        os.unlink(ctx["pid_file"])
    row.update({"metadata_s": metadata, "first_block_s": block, "ok": failure is None, "reason": failure or ""})
    if os.environ.get("KEEP") == "1":
        kept = os.path.join(ctx["work"], "kept", "%s-%s-%d" % (name, row["mode"], rnd))
        subprocess.run(["rm", "-rf", kept], check=True)
        os.makedirs(os.path.dirname(kept), exist_ok=True)
        os.rename(base, kept)
    subprocess.run(["rm", "-rf", base], check=True)
    return row


# --- the idle node -----------------------------------------------------------------------------

def proc_sample(pid):
    """(CPU seconds, VmRSS KiB, RssAnon KiB) of a process, from /proc."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")     # utime + stime
    mem = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "RssAnon"):
                mem[key] = int(value.split()[0])
    return cpu, mem.get("VmRSS"), mem.get("RssAnon")


def lt_table(conf):
    try:
        with open(os.path.join(conf, "table.json")) as f:
            table = json.load(f)
    except (OSError, ValueError):
        return None
    return {"buckets": len(table), "nodes": sum(b[0] for b in table), "replacements": sum(b[1] for b in table)}


def idle_phase(ctx, net, seconds, query_rate):
    """A Shoal daemon and a libtorrent session, DHT only, side by side: fill, then measure."""
    base = os.path.join(ctx["work"], "idle")
    subprocess.run(["rm", "-rf", base], check=True)
    shoal_conf, lt_conf = os.path.join(base, "shoal"), os.path.join(base, "libtorrent")
    os.makedirs(os.path.join(shoal_conf, "tmp"))
    os.makedirs(lt_conf)
    shoal_port, lt_port = free_port(), free_port()
    shoal_config(shoal_conf, ctx["router"], shoal_port)
    logs = {n: open(os.path.join(ctx["work"], "logs", "idle-%s.log" % n), "w") for n in ("shoal", "libtorrent")}
    env = dict(os.environ, SHOAL_DATA_DIR=shoal_conf)
    procs = {}
    result = {"query_rate": query_rate, "seconds": seconds}
    try:
        procs["shoal"] = subprocess.Popen(
            ["java", "-Djava.io.tmpdir=" + os.path.join(shoal_conf, "tmp")] + os.environ.get("SHOAL_JAVA_OPTS", "").split()
            + ["-jar", ctx["shoal_jar"], "daemon", "--data-dir", shoal_conf],
            stdin=subprocess.DEVNULL, stdout=logs["shoal"], stderr=logs["shoal"], env=env, start_new_session=True)
        procs["libtorrent"] = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "idle", lt_conf, str(lt_port), ctx["router"]],
            stdin=subprocess.DEVNULL, stdout=logs["libtorrent"], stderr=logs["libtorrent"], start_new_session=True)
        with open(ctx["pid_file"], "w") as f:
            f.write(" ".join(str(p.pid) for p in procs.values()))
        probe = MagnetShoal(ctx, None, shoal_conf, shoal_port)
        probe.shell = None
        deadline = time.monotonic() + TIMEOUT_S
        while not probe.warm_ready():
            if procs["shoal"].poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the Shoal daemon's shell did not answer: " + first_line(logs["shoal"].name))
            time.sleep(0.2)
        net.tell("query 127.0.0.1:%d %s" % (shoal_port, query_rate))
        net.tell("query 127.0.0.1:%d %s" % (lt_port, query_rate))
        # Filling: shoal:dht (which starts the delayed node) every 5 s until its good count has not
        # grown for 30 s, at most FILL_S.
        fill_limit = float(os.environ.get("FILL_S", "240"))
        started = time.monotonic()
        best, best_at = -1, started
        while True:
            text, counts = shoal_dht(probe.shell)
            good = counts[0] if counts else 0
            if good > best:
                best, best_at = good, time.monotonic()
            now = time.monotonic()
            log("idle: filling %3.0f s: shoal %s good, %s dubious; libtorrent %s"
                % (now - started, good, counts[1] if counts else "?", lt_table(lt_conf)))
            if (now - best_at >= 30 and best >= 8) or now - started >= fill_limit:
                break
            time.sleep(5)
        result["fill_s"] = time.monotonic() - started
        result["shoal_before"] = text
        result["lt_before"] = lt_table(lt_conf)
        # Measuring: nothing asks either of them anything but the network's background queries.
        samples = {n: [] for n in procs}
        t_start = time.monotonic()
        while True:
            now = time.monotonic()
            for n, p in procs.items():
                if p.poll() is not None:
                    raise RuntimeError("%s exited %d while idle" % (n, p.returncode))
                samples[n].append((now,) + proc_sample(p.pid))
            if now - t_start >= seconds:
                break
            time.sleep(min(10, seconds - (now - t_start)))
        for n, rows in samples.items():
            (t_a, cpu_a, _, _), (t_b, cpu_b, rss_b, anon_b) = rows[0], rows[-1]
            result[n] = {"cpu_s_per_min": (cpu_b - cpu_a) / ((t_b - t_a) / 60), "cpu_s": cpu_b - cpu_a,
                         "rss_kib_start": rows[0][2], "rss_kib_end": rss_b, "rss_kib_max": max(r[2] for r in rows),
                         "anon_kib_start": rows[0][3], "anon_kib_end": anon_b,
                         "anon_kib_max": max(r[3] for r in rows if r[3] is not None) if anon_b else None,
                         "samples": [(round(r[0] - t_start, 1), round(r[1], 2), r[2], r[3]) for r in rows]}
        text, counts = shoal_dht(probe.shell)
        result["shoal_after"] = text
        time.sleep(11)                                  # the session's next table.json
        result["lt_after"] = lt_table(lt_conf)
        result["net"] = net.status()
        probe.shell.close()
    finally:
        for p in procs.values():
            kill_group(p)
        for f in logs.values():
            f.close()
        if os.path.exists(ctx["pid_file"]):
            os.unlink(ctx["pid_file"])
    return result


# --- the run -----------------------------------------------------------------------------------

def make_torrent(data_dir, name, piece_kib):
    fs = lt.file_storage()
    lt.add_files(fs, os.path.join(data_dir, name))
    ct = lt.create_torrent(fs, piece_kib * 1024, flags=lt.create_torrent.v1_only)
    lt.set_piece_hashes(ct, data_dir)
    return lt.torrent_info(lt.bencode(ct.generate()))


def run(argv):
    import argparse
    ap = argparse.ArgumentParser(prog="dht_magnet.py run")
    ap.add_argument("--work", required=True)
    ap.add_argument("--data", required=True, help="the folder holding the seed's file")
    ap.add_argument("--name", required=True, help="the seed's file in it")
    ap.add_argument("--piece-kib", type=int, default=64)
    ap.add_argument("--nodes", type=int, default=1 << 18)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--modes", default="cold,warm")
    ap.add_argument("--idle-seconds", type=int, default=180)
    ap.add_argument("--query-rate", type=float, default=2.0)
    ap.add_argument("--shoal-jar", required=True)
    a = ap.parse_args(argv)
    modes = [m for m in a.modes.split(",") if m]
    os.makedirs(os.path.join(a.work, "logs"), exist_ok=True)

    def on_signal(signum, frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    ti = make_torrent(a.data, a.name, a.piece_kib)
    torrent = os.path.join(a.work, "dht-magnet.torrent")
    with open(torrent, "wb") as f:
        f.write(lt.bencode(lt.create_torrent(ti).generate()))
    infohash = str(ti.info_hashes().v1)
    ctx = {"work": a.work, "shoal_jar": a.shoal_jar, "infohash": infohash, "files": [a.name],
           "pid_file": os.path.join(a.work, "client.pid"), "magnet": "magnet:?xt=urn:btih:" + infohash}
    net = Net(a.work, a.nodes)
    ctx["router"] = net.router
    rows, idle_result = [], None
    seed = None
    try:
        log("virtual DHT: %d nodes, router %s" % (a.nodes, net.router))
        if modes and a.rounds:
            seed = Seed(torrent, a.data)
            seed.ses.apply_settings(dht_settings(net.router))
            deadline = time.monotonic() + TIMEOUT_S
            while net.status().get("stored", {}).get(infohash, 0) < 1:
                if time.monotonic() > deadline:
                    raise RuntimeError("the seed did not announce to the DHT within %d s" % TIMEOUT_S)
                seed.h.force_dht_announce()
                time.sleep(1)
            time.sleep(3)                            # its announce to all 8 closest nodes
            log("seed: libtorrent %s on 127.0.0.1:%d, %d MiB, %d KiB pieces, announced to %d nodes; magnet %s"
                % (lt.__version__, seed.port, ti.total_size() >> 20, a.piece_kib,
                   net.status()["stored"][infohash], ctx["magnet"]))
            for mode in modes:
                for rnd in range(1, a.rounds + 1):
                    order = ["shoal", "libtorrent"] if rnd % 2 else ["libtorrent", "shoal"]
                    for name in order:
                        row = run_once(ctx, seed, net, name, rnd, mode == "warm")
                        rows.append(row)
                        log("%s round %d/%d %-10s metadata %s s, first block %s s%s"
                            % (mode, rnd, a.rounds, name, fmt(row["metadata_s"]), fmt(row["first_block_s"]),
                               "" if row["ok"] else ", failed: " + row["reason"]))
            del seed.ses                             # the seed's session ends before the idle phase
            seed = None
        if a.idle_seconds > 0:
            idle_result = idle_phase(ctx, net, a.idle_seconds, a.query_rate)
    finally:
        net.stop()

    print()
    print("Tracker-less magnet through a loopback DHT (%d virtual nodes), %d MiB, %d KiB pieces, libtorrent %s seed"
          % (a.nodes, ti.total_size() >> 20, a.piece_kib, lt.__version__))
    failed = False
    for mode in modes:
        print()
        print("%s: seconds from %s, median (min–max):" % (mode, "the add to the running client, its DHT joined"
                                                         if mode == "warm" else "the client's start"))
        print()
        print("| client | metadata s | first block s | ok |")
        print("|---|---:|---:|---|")
        for name in CLIENTS:
            mine = [r for r in rows if r["client"] == name and r["mode"] == mode]
            good = [r for r in mine if r["ok"]]
            ok = "%d/%d" % (len(good), len(mine))
            if len(good) != len(mine):
                failed = True
                ok += ", failed: " + "; ".join(sorted({r["reason"] for r in mine if not r["ok"]}))[:300]
            print("| %s | %s | %s | %s |" % (name, spread(good, "metadata_s"), spread(good, "first_block_s"), ok))
        if mode == "cold":
            print("\nshoal --version (JVM and framework): %s s" % spread([r for r in rows if r["mode"] == mode],
                                                                           "startup_s"))
        else:
            for name in CLIENTS:
                mine = [r for r in rows if r["client"] == name and r["mode"] == mode]
                print("%s: add %s s, ready and joined %s s" % (name, spread(mine, "add_s"), spread(mine, "ready_s")))
    if rows:
        print("\nRaw (s): mode round client metadata first-block load [start-up | add ready]")
        for r in rows:
            extra = " start-up %s" % fmt(r.get("startup_s")) if r.get("startup_s") is not None else ""
            if r.get("add_s") is not None:
                extra += " add %s ready %s" % (fmt(r.get("add_s")), fmt(r.get("ready_s")))
            print("  %s %d %-10s %s %s %s%s%s" % (r["mode"], r["round"], r["client"], fmt(r["metadata_s"]),
                                                fmt(r["first_block_s"]), fmt(r.get("load")), extra,
                                                "" if r["ok"] else "  failed: " + r["reason"]))
    if idle_result:
        i = idle_result
        print("\nIdle node, DHT only, %d s measured after %.0f s of filling; the network sends each %.1f queries/s:"
              % (i["seconds"], i["fill_s"], i["query_rate"]))
        print()
        print("| client | CPU s/min | RSS MiB start→end (max) | anon MiB start→end | routing table |")
        print("|---|---:|---:|---:|---|")
        m = GOOD.search(i["shoal_after"])
        tables = {"shoal": "%s good, %s dubious" % m.groups() if m else "?",
                  "libtorrent": "%(nodes)d nodes, %(replacements)d replacements, %(buckets)d buckets" % i["lt_after"]
                  if i["lt_after"] else "?"}
        for n in ("shoal", "libtorrent"):
            r = i[n]
            print("| %s | %.3f | %.1f→%.1f (%.1f) | %s→%s | %s |"
                  % (n, r["cpu_s_per_min"], r["rss_kib_start"] / 1024, r["rss_kib_end"] / 1024, r["rss_kib_max"] / 1024,
                     "%.1f" % (r["anon_kib_start"] / 1024) if r["anon_kib_start"] else "?",
                     "%.1f" % (r["anon_kib_end"] / 1024) if r["anon_kib_end"] else "?", tables[n]))
        print("\nshoal:dht after the fill:\n  " + i["shoal_before"].replace("\n", "\n  "))
        print("shoal:dht at the end:\n  " + i["shoal_after"].replace("\n", "\n  "))
        print("libtorrent's table after the fill: %s; at the end: %s" % (i["lt_before"], i["lt_after"]))
        print("the network: %d node sockets bound; queries answered %s; background queries sent %d, answered %d"
              % (i["net"].get("bound", 0), i["net"].get("queries"), i["net"].get("sent_background", 0),
                 i["net"].get("answers_to_background", 0)))
        print("\nRaw idle samples (s since start, CPU s, RSS KiB, anon KiB):")
        for n in ("shoal", "libtorrent"):
            print("  %s: %s" % (n, " ".join("%s/%s/%s/%s" % s for s in i[n]["samples"])))
        with open(os.path.join(a.work, "idle.json"), "w") as f:
            json.dump(i, f, indent=1)
    with open(os.path.join(a.work, "results.json"), "w") as f:
        json.dump(rows, f, indent=1)
    return 1 if failed else 0


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "leech":
        sys.exit(leech(args[0], args[1], args[2], int(args[3]), args[4]))
    elif cmd == "idle":
        idle(args[0], int(args[1]), args[2])
    elif cmd == "run":
        sys.exit(run(args))
    else:
        sys.exit("unknown subcommand " + cmd)


if __name__ == "__main__":
    main()
