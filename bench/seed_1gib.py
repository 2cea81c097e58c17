"""Helper of bench/seed-1gib.sh: Shoal and libtorrent as the seed, the leechers, the measurements.

Run with Debian's /usr/bin/python3 (it has `import libtorrent`). Subcommands:

  seed TORRENT DATA PORT                 a libtorrent seed of TORRENT (data under DATA, not checked:
                                         seed mode) on 127.0.0.1:PORT until SIGTERM
  run --work W --torrent T --data D --sha1 S --rounds N --repo R --shoal-jar J [--baseline-jar B]
      LEECHER...                         each round, each LEECHER downloads T once from each seed;
                                         prints a Markdown table of medians, writes W/results.csv

The data, the torrent, the tracker, the leechers and the measurement of processes are those of
bench/swarm_1gib.py (imported, not copied). Everything is on 127.0.0.1.
"""
import csv
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import libtorrent as lt

import swarm_1gib as swarm

SEEDS_POLL_S = 0.05           # ss every 50 ms: a process per poll, cheap enough, fine enough
FIRST_PAYLOAD = 256 * 1024    # acked bytes past the handshake and bitfield: payload is flowing
SS_SOCKET = re.compile(r"^\S+\s+\d+\s+\d+\s+(\S+)\s+(\S+)")
SS_ACKED = re.compile(r"bytes_acked:(\d+)")


# --- the libtorrent seed, a process of its own so that its CPU is its own -------------------------

def lt_seed(torrent, data, port):
    settings = lt.high_performance_seed()
    settings.update(swarm.LOCAL_ONLY)
    settings.update({
        # Plaintext payload, as the Shoal seed is configured (see seed-1gib.sh): RC4 is another bench.
        "out_enc_policy": lt.enc_policy.disabled, "in_enc_policy": lt.enc_policy.enabled,
        "allowed_enc_level": lt.enc_level.plaintext, "prefer_rc4": False,
        "listen_interfaces": "127.0.0.1:%d" % port,
        "alert_mask": lt.alert.category_t.error_notification,
    })
    ses = lt.session(settings)
    h = ses.add_torrent({"ti": lt.torrent_info(torrent), "save_path": data,
                         "flags": lt.torrent_flags.seed_mode})
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    while not stop:
        ses.wait_for_alert(200)
        for a in ses.pop_alerts():
            if isinstance(a, (lt.file_error_alert, lt.torrent_error_alert)):
                swarm.log("lt seed: " + a.message())
    ses.remove_torrent(h)            # a "stopped" announce: the next run's leecher does not see us
    del ses
    return 0


# --- the seeds as the harness starts them --------------------------------------------------------

def shoal_data_dir(work, name):
    """Shoal's data directory per jar, kept over the runs (resume data: no recheck at each start)."""
    d = os.path.join(work, "shoal-data-" + name)
    plugins = os.path.join(d, "plugins")
    os.makedirs(plugins, exist_ok=True)
    # Peers on 127.0.0.1, plaintext like the libtorrent seed; no DHT, LSD, RPC or port mapping.
    cfgs = {"dev.shoal.peer": "listenAddress=127.0.0.1\nencryption=disable\n"}
    for pid in ("dev.shoal.lsd", "dev.shoal.dht", "dev.shoal.rpc", "dev.shoal.portmap"):
        cfgs[pid] = "enabled=false\n"
    for pid, text in cfgs.items():
        with open(os.path.join(plugins, pid + ".cfg"), "w") as f:
            f.write(text)
    return d


def seed_command(ctx, seed, port):
    """(argv, env, cwd) of one seed process."""
    if seed == "libtorrent":
        return [sys.executable, os.path.abspath(__file__), "seed", ctx["torrent"], ctx["data"], str(port)], None, None
    env = dict(os.environ)
    env["SHOAL_JAR"] = ctx["jars"][seed]
    env["SHOAL_DATA_DIR"] = shoal_data_dir(ctx["work"], seed)
    # A ratio it never reaches: the harness stops it (SIGTERM, a "stopped" announce) after the run.
    return (["./shoal", "get", "--dir", ctx["data"], "--port", str(port), "--seed-ratio", "1000", "--quiet",
             ctx["torrent"]], env, ctx["repo"])


def acked(seed_port, client_port):
    """Bytes acked on each of the seed's connections to the client (dialled either way)."""
    out = subprocess.run(["ss", "-tinH", "( sport = :%d or dport = :%d )" % (seed_port, client_port)],
                         capture_output=True, text=True, timeout=5).stdout
    sockets, key = {}, None
    for line in out.splitlines():
        m = SS_SOCKET.match(line)
        if m:
            key = m.groups()
            continue
        a = SS_ACKED.search(line)
        if a and key:
            sockets[key] = int(a.group(1))
    return sockets


def cpu_s(pid):
    st = swarm.proc_stat(pid)
    return None if st is None else sum(st[1:])


def run_once(ctx, seed, leecher, rnd, pid_file):
    base = os.path.join(ctx["work"], "run")
    shutil.rmtree(base, ignore_errors=True)
    dl, conf = os.path.join(base, "download"), os.path.join(base, "conf")
    os.makedirs(dl)
    os.makedirs(conf)
    client = swarm.CLIENTS[leecher](ctx, dl, conf, swarm.free_port())
    row = {"round": rnd, "leecher": leecher, "seed": seed, "ok": False, "reason": ""}
    why = client.check()
    if why:
        row["reason"] = why
        return row
    client.prepare()
    os.sync()
    swarm.warm(ctx["source_files"])
    time.sleep(0.5)
    logs = os.path.join(ctx["work"], "logs")
    os.makedirs(logs, exist_ok=True)
    out = open(os.path.join(logs, "%s-from-%s-%d.log" % (leecher, seed, rnd)), "w")
    seed_out = open(os.path.join(logs, "seed-%s-for-%s-%d.log" % (seed, leecher, rnd)), "w")
    procs = []
    failure = None
    try:
        # The leecher first, announced, so that the seed's first announce hands it over and the seed
        # dials it: Transmission takes no loopback peer from a tracker.
        proc = subprocess.Popen(client.command(), stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                                env=client.env(), cwd=client.cwd(), start_new_session=True)
        procs.append(proc)
        with open(pid_file, "w") as f:
            f.write(str(proc.pid))
        deadline = time.monotonic() + 60
        while not swarm.listening(client.port) or (not client.oneshot and not client.done() and not client.added):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("the leecher did not start listening")
            time.sleep(0.05)
        time.sleep(1.0)
        seed_port = swarm.free_port()
        argv, env, cwd = seed_command(ctx, seed, seed_port)
        t0 = time.monotonic()
        sproc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=seed_out, stderr=seed_out, env=env,
                                 cwd=cwd, start_new_session=True)
        procs.append(sproc)
        with open(pid_file, "w") as f:
            f.write("%d %d" % (proc.pid, sproc.pid))
        deadline = t0 + client.timeout_s
        per_socket, total, first, reached, last_growth, cpu_first = {}, 0, None, None, None, None
        next_ss, t_done, ru = 0.0, None, None
        while True:
            now = time.monotonic()
            if now >= next_ss:
                next_ss = now + SEEDS_POLL_S
                for k, v in acked(seed_port, client.port).items():
                    per_socket[k] = max(per_socket.get(k, 0), v)
                grown = sum(per_socket.values())
                if grown > total:
                    total, last_growth = grown, now
                    if first is None and total >= FIRST_PAYLOAD:
                        first, cpu_first = now, cpu_s(sproc.pid)
                    if reached is None and total >= ctx["size"]:
                        reached = now
            if sproc.poll() is not None:
                raise RuntimeError("the seed exited %d" % sproc.returncode)
            pid, status, r = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                if client.oneshot and proc.returncode == 0:
                    t_done, ru = now, r
                    break
                raise RuntimeError("the leecher exited %d: %s" % (proc.returncode, swarm.first_line(out.name)))
            if not client.oneshot and client.done():
                t_done = time.monotonic()
                failure = client.confirm()
                break
            if now > deadline:
                raise RuntimeError("not done within %d s" % client.timeout_s)
            time.sleep(0.01)
        cpu_done = cpu_s(sproc.pid)
        # The last block: when the acked count reached the size, else (the leecher hung up between
        # two polls) when it last grew.
        last = reached or last_growth
        row.update({"sent_bytes": total, "connections": len(per_socket), "wall_s": t_done - t0,
                    "first_block_s": None if first is None else first - t0,
                    "transfer_s": None if first is None or last is None or last <= first else last - first,
                    "seed_cpu_s": None if cpu_first is None or cpu_done is None else cpu_done - cpu_first,
                    "seed_cpu_life_s": cpu_done, "leecher_cpu_s": None if ru is None else ru.ru_utime + ru.ru_stime})
        if failure is None:
            failure = swarm.verify(dl, ctx["expected"])
            failure = failure and "bad data: " + failure
        if failure is None and row["transfer_s"] is None:
            failure = "the seed's sockets saw no transfer (%d bytes acked)" % total
        if failure is None:
            row["transfer_mib_s"] = ctx["size"] / 2**20 / row["transfer_s"]
    except (RuntimeError, OSError, ValueError, subprocess.SubprocessError) as e:
        failure = "%s: %s" % (type(e).__name__, e)
    finally:
        for p in reversed(procs):
            swarm.kill_group(p, grace=10.0)
        out.close()
        seed_out.close()
        if os.path.exists(pid_file):
            os.unlink(pid_file)
    row["ok"] = failure is None
    row["reason"] = failure or ""
    shutil.rmtree(base, ignore_errors=True)
    return row


def run(argv):
    import argparse
    ap = argparse.ArgumentParser(prog="seed_1gib.py run")
    for opt in ("--work", "--torrent", "--data", "--sha1", "--repo", "--shoal-jar"):
        ap.add_argument(opt, required=True)
    ap.add_argument("--baseline-jar")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("leechers", nargs="+")
    a = ap.parse_args(argv)
    expected = {}
    with open(a.sha1) as f:
        for line in f:
            sha1, rel = line.split(None, 1)
            rel = rel.strip().lstrip("*")
            expected[rel] = (os.path.getsize(os.path.join(a.data, rel)), sha1)
    ti = lt.torrent_info(a.torrent)
    jars = {"shoal": a.shoal_jar}
    if a.baseline_jar:
        jars["shoal-baseline"] = a.baseline_jar
    seeds = list(jars) + ["libtorrent"]
    ctx = {"work": a.work, "torrent": os.path.abspath(a.torrent), "data": os.path.abspath(a.data),
           "repo": a.repo, "jars": jars, "infohash": swarm.v1_hex(a.torrent), "size": ti.total_size(),
           "expected": expected, "source_files": [os.path.join(a.data, r) for r in expected]}

    def on_signal(signum, frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    fields = ["round", "leecher", "seed", "ok", "wall_s", "first_block_s", "transfer_s", "transfer_mib_s",
              "seed_cpu_s", "seed_cpu_life_s", "leecher_cpu_s", "sent_bytes", "connections", "reason"]
    rows = []
    csv_path = os.path.join(a.work, "results.csv")
    with open(csv_path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        for rnd in range(1, a.rounds + 1):
            for leecher in a.leechers:
                for seed in seeds:
                    swarm.log("round %d/%d: %s from a %s seed ..." % (rnd, a.rounds, leecher, seed))
                    row = run_once(ctx, seed, leecher, rnd, os.path.join(a.work, "client.pid"))
                    rows.append(row)
                    w.writerow({k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()})
                    f.flush()
                    if row["ok"]:
                        swarm.log("  %.0f MiB/s, first block %.2f s, seed CPU %.2f s" % (
                            row["transfer_mib_s"], row["first_block_s"], row["seed_cpu_s"]))
                    else:
                        swarm.log("  failed: " + row["reason"])
    print()
    print("1 GiB (%d × %d MiB, %d KiB pieces) from one seed on loopback, plaintext, medians of %d round(s)"
          % (len(expected), ctx["size"] // len(expected) // 2**20, ti.piece_length() // 1024, a.rounds))
    print()
    print("| leecher | seed | transfer MiB/s | × libtorrent seed | first block s | seed CPU s | ok |")
    print("|---|---|---:|---:|---:|---:|---|")
    any_failed = False
    for leecher in a.leechers:
        lt_rate = swarm.median_of([r for r in rows if r["leecher"] == leecher and r["seed"] == "libtorrent"
                                   and r["ok"]], "transfer_mib_s")
        for seed in seeds:
            mine = [r for r in rows if r["leecher"] == leecher and r["seed"] == seed]
            good = [r for r in mine if r["ok"]]
            ok = "%d/%d" % (len(good), len(mine))
            if len(good) != len(mine):
                any_failed = True
                ok += ", failed: " + "; ".join(sorted({r["reason"] for r in mine if not r["ok"]}))[:300]
            rate = swarm.median_of(good, "transfer_mib_s")
            print("| %s | %s | %s | %s | %s | %s | %s |" % (
                leecher, seed, swarm.fmt(rate, 0),
                swarm.fmt(rate / lt_rate if rate and lt_rate else None, 2),
                swarm.fmt(swarm.median_of(good, "first_block_s"), 2),
                swarm.fmt(swarm.median_of(good, "seed_cpu_s"), 2), ok.replace("|", "/")))
    print()
    print("per-round numbers: " + csv_path)
    return 1 if any_failed else 0


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "seed":
        sys.exit(lt_seed(args[0], args[1], int(args[2])))
    elif cmd == "run":
        sys.exit(run(args))
    else:
        sys.exit("unknown subcommand " + cmd)


if __name__ == "__main__":
    main()
