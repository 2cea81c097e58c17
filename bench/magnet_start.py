"""Helper of bench/magnet-start.sh: how long each client takes, from a magnet link, to the metadata
and to the first block, on one loopback swarm (a libtorrent seed, opentracker).

Run with Debian's /usr/bin/python3 (it has `import libtorrent`). Subcommands:

  leech-magnet MAGNET DIR CONF PORT      the libtorrent downloader: fetches into DIR, writes
                                         CONF/<info-hash>.torrent the moment the metadata came,
                                         runs until killed
  run --work W --torrent T --data D --tracker-port P [--no-xpe] --rounds N --shoal-jar J CLIENT...
                                         the benchmark (see bench/magnet-start.sh): one seed of T
                                         (data under D), a magnet of it, N rounds of every CLIENT

How each moment is taken (t0 is the moment the client's process is started; every check every 10 ms):

  metadata     the client's own copy of the torrent appearing as a file:
                 shoal        <info-hash>.torrent, written by its engine once the info dictionary is
                              verified, in the session folder `get` keeps under java.io.tmpdir (set to
                              the run's fresh folder, as is SHOAL_DATA_DIR)
                 libtorrent   CONF/<info-hash>.torrent, written by leech-magnet on metadata_received_alert
                 aria2        DIR/<info-hash>.torrent (--bt-save-metadata=true)
                 qbittorrent  no such file at that moment: its Web API, /api/v2/torrents/info says
                              size > 0 (and the state is not metaDL)
  first block  the first non-zero byte in any of the torrent's files under DIR, the same for every
               client (the data is random, a written block is non-zero; holes and preallocated,
               unwritten extents are skipped with SEEK_DATA, so preallocation does not count).
               Clients that cache blocks before writing (aria2's disk cache) show here when the
               first piece is written, not when its first block arrived: with small pieces on
               loopback that is a millisecond or two.
  seed sent    the seed's first payload byte sent to the client (libtorrent's session counter,
               net.sent_payload_bytes): the same seed-side figure for every client.
  qbittorrent also gets `api dl`: the Web API's downloaded > 0 (it refreshes every 1.5 s).
  shoal also gets `start-up`: a `java -jar shoal.jar --version` timed just before its run (the JVM
  and the OSGi framework, no engine), and every row the 1-minute load average at its start: on a
  shared 2-core machine both move the figures by seconds.

The seed never dials the clients: each finds it from the magnet (x.pe, unless left out, and tr=).
opentracker is started afresh before every run on the same port (so no client sees the peers
of an earlier run), and the run starts once it lists the seed.
"""
import csv
import json
import os
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import libtorrent as lt

from swarm_1gib import (LOCAL_ONLY, Qbittorrent as QbittorrentConfigured, Seed, first_line, free_port, http_json, kill_group, log,
                        tracker_ready, v1_hex)

POLL_S = 0.01
TIMEOUT_S = 60
# After the first block, how long to wait for the seed's counter (polled every ~10 ms) to be read.
SEED_GRACE_S = 0.5
# Warm mode: how long a client sits ready before the link is added (its start-up work settles).
SETTLE_S = 2.0


# --- the libtorrent downloader ------------------------------------------------------------------

def save_metadata(h, conf):
    """CONF/<info-hash>.torrent, written whole then renamed: what the benchmark sees as the metadata."""
    data = lt.bencode(lt.create_torrent(h.torrent_file()).generate())
    name = os.path.join(conf, "%s.torrent" % h.info_hashes().v1)
    with open(name + ".tmp", "wb") as f:
        f.write(data)
    os.rename(name + ".tmp", name)


def leech_magnet(magnet, save_path, conf, port, extra=None, joined=None):
    """magnet "-": the session starts first, writes CONF/ready (once joined(session) returned, if
    given), then takes the link from a line of stdin. extra: more settings (bench/dht_magnet.py's DHT)."""
    settings = dict(LOCAL_ONLY)
    settings.update({
        "listen_interfaces": "127.0.0.1:%d" % port,
        "alert_mask": lt.alert.category_t.status_notification | lt.alert.category_t.error_notification
        | lt.alert.category_t.dht_notification,
    })
    settings.update(extra or {})
    ses = lt.session(settings)
    if magnet == "-":
        if joined is not None:
            joined(ses)
        open(os.path.join(conf, "ready"), "w").close()
        magnet = sys.stdin.readline().strip()
    params = lt.parse_magnet_uri(magnet)
    params.save_path = save_path
    h = ses.add_torrent(params)
    while True:
        ses.wait_for_alert(1000)
        for a in ses.pop_alerts():
            if isinstance(a, lt.metadata_received_alert):
                save_metadata(h, conf)
            elif isinstance(a, lt.dht_bootstrap_alert):
                # With the DHT on, a magnet's first lookup went out when it knew no node, and the next
                # would come dht_announce_interval (15 min) later: look again once joined, as
                # applications do.
                h.force_dht_announce()
            elif isinstance(a, (lt.file_error_alert, lt.torrent_error_alert)):
                log("leech-magnet: " + a.message())
                return 1


# --- the clients -------------------------------------------------------------------------------

class Client:
    def __init__(self, ctx, dl_dir, conf_dir, port):
        self.ctx, self.dl, self.conf, self.port = ctx, dl_dir, conf_dir, port
        self.torrent_file = None          # where its copy of the torrent appears (metadata), if it writes one

    def check(self):
        return None

    def env(self):
        return None

    def prepare(self):
        pass

    def poll(self, now):
        """Called every 10 ms; returns (metadata seen, extra {name: seconds-since-t0 moment})."""
        return self.torrent_file is not None and os.path.exists(self.torrent_file), {}

    # Warm mode: warm_command() runs before the clock; once warm_ready() says so (and SETTLE_S
    # later) the clock starts and warm_add(proc) hands the link to the running client.
    warm_stdin = subprocess.DEVNULL

    def warm_ready(self):
        return False

    def warm_add(self, proc):
        raise NotImplementedError


class RemoteShell:
    """Shoal's loopback remote shell (dev.shoal.remote.protocol.Frames): type byte, 4-byte length, payload."""

    def __init__(self, port, token):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._send(b"H", bytes([1]) + token.encode("ascii"))
        kind, payload = self._read()
        if kind != b"R":
            raise RuntimeError("the remote shell refused the session: %r" % payload[:200])

    def _send(self, kind, payload):
        self.sock.sendall(kind + struct.pack(">I", len(payload)) + payload)

    def _exactly(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise OSError("the remote shell closed the connection")
            buf += chunk
        return buf

    def _read(self):
        head = self._exactly(5)
        length = struct.unpack(">I", head[1:])[0]
        if length > 64 * 1024:
            raise OSError("a remote shell frame of %d bytes" % length)
        return head[:1], self._exactly(length)

    def run(self, line):
        """One command line; (exit status, stdout, stderr)."""
        self._send(b"C", line.encode())
        out, err = b"", b""
        while True:
            kind, payload = self._read()
            if kind == b"O":
                out += payload
            elif kind == b"E":
                err += payload
            elif kind == b"X":
                return struct.unpack(">i", payload)[0], out.decode(errors="replace"), err.decode(errors="replace")
            else:
                raise OSError("remote shell: unexpected frame %r %r" % (kind, payload[:200]))

    def close(self):
        self.sock.close()


class Shoal(Client):
    name = "shoal"

    def check(self):
        if not os.path.isfile(self.ctx["shoal_jar"]):
            return "%s missing (build it: mvn -B -q -DskipTests package -pl distribution -am)" % self.ctx["shoal_jar"]
        return None

    def env(self):
        e = dict(os.environ)
        e["SHOAL_DATA_DIR"] = self.conf
        return e

    def prepare(self):
        os.makedirs(os.path.join(self.conf, "tmp"))
        self.shell = None
        if self.ctx["warm"]:                             # the daemon's settings, as its .cfg files
            plugins = os.path.join(self.conf, "plugins")
            os.makedirs(plugins)
            with open(os.path.join(plugins, "dev.shoal.peer.cfg"), "w") as f:
                f.write("listenAddress=127.0.0.1\nport=%d\n" % self.port)
            with open(os.path.join(plugins, "dev.shoal.lsd.cfg"), "w") as f:
                f.write("enabled=false\n")

    def _java(self):
        # `get` keeps its torrents in a session folder under java.io.tmpdir, not in the data
        # directory: point that into this run's folder, where poll() looks.
        return ["java", "-Djava.io.tmpdir=" + os.path.join(self.conf, "tmp")] + \
            os.environ.get("SHOAL_JAVA_OPTS", "").split() + ["-jar", self.ctx["shoal_jar"]]

    def command(self):
        return self._java() + ["get", "--dir", self.dl, "--port", str(self.port), "--seed-ratio", "0",
                               "--timeout", "%ds" % TIMEOUT_S, self.ctx["magnet"]]

    def warm_command(self):
        return self._java() + ["daemon", "--data-dir", self.conf]

    def warm_ready(self):
        # Its remote shell answers and shoal:add is registered (Gogo says "not found" otherwise).
        try:
            with open(os.path.join(self.conf, "remote.port")) as f:
                port = int(f.read().strip())
            with open(os.path.join(self.conf, "remote.token")) as f:
                token = f.read().strip()
            if self.shell is None:
                self.shell = RemoteShell(port, token)
            status, out, err = self.shell.run("type shoal:add")
        except (OSError, ValueError, RuntimeError):
            if self.shell is not None:
                self.shell.close()
                self.shell = None
            return False
        return status == 0 and "not found" not in out + err

    def warm_add(self, proc):
        status, out, err = self.shell.run("shoal:add '%s' --dir '%s'" % (self.ctx["magnet"], self.dl))
        self.shell.close()
        if status != 0:
            raise RuntimeError("shoal:add: %s" % (err or out).strip()[:200])

    def poll(self, now):
        # Where in the data directory the engine keeps its torrents is its business: look everywhere
        # (a handful of files).
        if self.torrent_file is None:
            want = self.ctx["infohash"] + ".torrent"
            for folder, _, files in os.walk(self.conf):
                if want in files:
                    self.torrent_file = os.path.join(folder, want)
                    break
        return super().poll(now)


class Libtorrent(Client):
    name = "libtorrent"

    warm_stdin = subprocess.PIPE

    def prepare(self):
        self.torrent_file = os.path.join(self.conf, self.ctx["infohash"] + ".torrent")

    def command(self, magnet=None):
        return [sys.executable, os.path.abspath(__file__), "leech-magnet", magnet or self.ctx["magnet"], self.dl,
                self.conf, str(self.port)]

    def warm_command(self):
        return self.command("-")

    def warm_ready(self):
        return os.path.exists(os.path.join(self.conf, "ready"))

    def warm_add(self, proc):                            # add_torrent right after reading the line
        proc.stdin.write((self.ctx["magnet"] + "\n").encode())
        proc.stdin.flush()


class Aria2(Client):
    name = "aria2"

    def check(self):
        return None if shutil.which("aria2c") else "aria2c missing: apt-get install aria2"

    def prepare(self):
        self.torrent_file = os.path.join(self.dl, self.ctx["infohash"] + ".torrent")

    def _aria2c(self):
        return ["aria2c", "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
                "--enable-peer-exchange=false", "--interface=127.0.0.1", "--disable-ipv6=true",
                "--listen-port=%d" % self.port, "--seed-time=0", "--summary-interval=0",
                "--console-log-level=warn", "--bt-save-metadata=true", "--dir=" + self.dl]

    def command(self):
        return self._aria2c() + [self.ctx["magnet"]]

    def warm_command(self):
        self.rpc = free_port()
        return self._aria2c() + ["--enable-rpc=true", "--rpc-listen-all=false", "--rpc-listen-port=%d" % self.rpc]

    def _rpc(self, method, *params):
        body = json.dumps({"jsonrpc": "2.0", "id": "bench", "method": method, "params": list(params)}).encode()
        answer = http_json("http://127.0.0.1:%d/jsonrpc" % self.rpc, body, {"Content-Type": "application/json"})
        if "error" in answer:
            raise RuntimeError("aria2 %s: %s" % (method, answer["error"]))
        return answer["result"]

    def warm_ready(self):
        try:
            self._rpc("aria2.getVersion")
            return True
        except OSError:
            return False

    def warm_add(self, proc):
        self._rpc("aria2.addUri", [self.ctx["magnet"]], {"dir": self.dl})


class Qbittorrent(QbittorrentConfigured):
    """qbittorrent-nox with bench/swarm_1gib.py's configuration; the magnet added over its Web API."""

    def __init__(self, ctx, dl_dir, conf_dir, port):
        super().__init__(ctx, dl_dir, conf_dir, port)
        self.added = None
        self.next_try = 0.0
        self.api_dl = None

    def prepare(self):
        super().prepare()
        # TCP only, as the seed and the other clients here: its libtorrent otherwise tries uTP first
        # and waits out a connect time-out to the seed (~4 s to the metadata instead of ~0.5).
        cfg = os.path.join(self.conf, "qBittorrent", "config", "qBittorrent.conf")
        with open(cfg) as f:
            text = f.read()
        with open(cfg, "w") as f:
            f.write(text.replace("[BitTorrent]\n", "[BitTorrent]\nSession\\BTProtocol=TCP\n", 1))

    def command(self):
        return ["qbittorrent-nox", "--profile=" + self.conf, "--webui-port=%d" % self.webui,
                "--torrenting-port=%d" % self.port, "--skip-dialog=true"]

    def _api(self, path, data=None):
        return urllib.request.urlopen("http://127.0.0.1:%d/api/v2/%s" % (self.webui, path), data=data, timeout=2)

    warm_stdin = subprocess.DEVNULL

    def warm_command(self):
        return self.command()

    def warm_ready(self):
        try:
            with self._api("app/version") as r:
                r.read()
            return True
        except OSError:
            return False

    def warm_add(self, proc):
        self.next_try = 0.0
        if not self.poll(time.monotonic())[1]:
            raise RuntimeError("qBittorrent's Web API did not take the link")

    def poll(self, now):
        if self.added is None:                           # add it as soon as the Web API answers
            if now < self.next_try:
                return False, {}
            self.next_try = now + POLL_S
            body = urllib.parse.urlencode({"urls": self.ctx["magnet"], "savepath": self.dl}).encode()
            try:
                with self._api("torrents/add", body) as r:
                    answer = r.read()
            except OSError:
                return False, {}                         # not listening yet
            if answer.strip() != b"Ok.":
                raise RuntimeError("qBittorrent torrents/add: %r" % answer[:100])
            self.added = now
            return False, {"api_add_s": now}
        info = http_json("http://127.0.0.1:%d/api/v2/torrents/info?hashes=%s" % (self.webui, self.ctx["infohash"]))
        extra = {}
        if info and self.api_dl is None and (info[0].get("downloaded", 0) > 0 or info[0].get("progress", 0) > 0):
            self.api_dl = now
            extra["api_dl_s"] = now
        return bool(info) and info[0].get("size", 0) > 0 and info[0].get("state") != "metaDL", extra


CLIENTS = {c.name: c for c in (Shoal, Libtorrent, Qbittorrent, Aria2)}


# --- measurements ------------------------------------------------------------------------------

def first_data(paths):
    """Whether any of the files holds a non-zero byte in a written extent (holes, unwritten skipped)."""
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            size = os.fstat(fd).st_size
            offset = 0
            while offset < size:
                try:
                    start = os.lseek(fd, offset, os.SEEK_DATA)
                except OSError:
                    break                                # ENXIO: only a hole from offset on
                end = os.lseek(fd, start, os.SEEK_HOLE)
                while start < end:
                    chunk = os.pread(fd, min(1 << 20, end - start), start)
                    if not chunk:
                        break
                    if chunk.count(0) != len(chunk):
                        return True
                    start += len(chunk)
                offset = end
        finally:
            os.close(fd)
    return False


class Tracker:
    """opentracker on 127.0.0.1:port whitelisting one hash; started anew for every run."""

    def __init__(self, work, port, infohash):
        self.dir, self.port, self.infohash, self.proc = os.path.join(work, "tracker"), port, infohash, None

    def start(self):
        os.makedirs(self.dir, exist_ok=True)
        os.chmod(self.dir, 0o755)                        # it chroots here and runs as nobody
        whitelist = os.path.join(self.dir, "whitelist.txt")
        with open(whitelist, "w") as f:
            f.write(self.infohash + "\n")
        os.chmod(whitelist, 0o644)
        self.log = open(os.path.join(self.dir, "opentracker.log"), "w")
        self.proc = subprocess.Popen(["opentracker", "-i", "127.0.0.1", "-p", str(self.port), "-P", str(self.port),
                                      "-d", self.dir, "-w", "/whitelist.txt"], stdout=self.log, stderr=self.log,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        if not tracker_ready(self.port, self.infohash, 15):
            raise RuntimeError("opentracker did not start: " + first_line(self.log.name))

    def seeders(self):
        q = urllib.parse.urlencode({"info_hash": bytes.fromhex(self.infohash), "peer_id": b"-PROBE-0000000000000",
                                    "port": 1, "uploaded": 0, "downloaded": 0, "left": 0, "event": "stopped"})
        with urllib.request.urlopen("http://127.0.0.1:%d/announce?%s" % (self.port, q), timeout=1) as r:
            body = r.read()
        i = body.find(b"8:completei")
        return int(body[i + 11:body.index(b"e", i + 11)]) if i >= 0 else 0

    def stop(self):
        if self.proc is not None:
            kill_group(self.proc)
            self.log.close()
            self.proc = None


def announce_seed(seed, tracker):
    """Restarts the tracker and waits until the seed's announce is in it."""
    tracker.stop()
    tracker.start()
    seed.h.force_reannounce(0, -1, lt.reannounce_flags_t.ignore_min_interval)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if tracker.seeders() >= 1:
            return
        time.sleep(0.05)
    raise RuntimeError("the seed did not announce to the tracker within 15 s")


def await_moments(proc, client, files, t0, out_path, row, timeout=TIMEOUT_S):
    """Polls every 10 ms until the client has the metadata and the first block on disk, exits,
    or the time is up: (metadata s, first block s, failure or None), counted from t0; the
    client's extra moments go into row."""
    metadata = block = None
    while True:
        now = time.monotonic()
        exited = proc.poll() is not None             # then one last look at what it left
        seen, extra = client.poll(now)
        for k, v in extra.items():
            row[k] = v - t0
        if metadata is None and seen:
            metadata = now - t0
        if block is None and first_data(files):
            block = now - t0
        if metadata is not None and block is not None:
            return metadata, block, None
        missing = "metadata" if metadata is None else "first block"
        if exited:
            return metadata, block, "exited %d before its %s: %s" % (proc.returncode, missing, first_line(out_path))
        if now - t0 > timeout:
            return metadata, block, "no %s within %d s" % (missing, timeout)
        time.sleep(POLL_S)


def run_once(ctx, seed, tracker, name, rnd):
    base = os.path.join(ctx["work"], "run")
    subprocess.run(["rm", "-rf", base], check=True)
    dl, conf = os.path.join(base, "download"), os.path.join(base, "conf")
    os.makedirs(dl)
    os.makedirs(conf)
    client = CLIENTS[name](ctx, dl, conf, free_port())
    row = {"round": rnd, "client": name, "ok": False, "reason": ""}
    why = client.check()
    if why:
        row["reason"] = why
        return row
    client.prepare()
    announce_seed(seed, tracker)
    os.sync()
    if name == "shoal" and not ctx["warm"]:
        t = time.monotonic()
        subprocess.run(["java", "-jar", ctx["shoal_jar"], "--version"], stdout=subprocess.DEVNULL, check=True)
        row["startup_s"] = time.monotonic() - t
    time.sleep(0.3)
    row["load"] = os.getloadavg()[0]
    files = [os.path.join(dl, rel) for rel in ctx["files"]]
    out_path = os.path.join(ctx["work"], "logs", "%s-%d.log" % (name, rnd))
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    out = open(out_path, "w")
    # For lining up the client's own timestamped log with the figures: its start, in local time.
    out.write("# t0 %s.%03d\n" % (time.strftime("%H:%M:%S"), int(time.time() * 1000) % 1000))
    out.flush()
    metadata = block = t0 = None
    failure = None
    if ctx["warm"]:
        started = time.monotonic()
        proc = subprocess.Popen(client.warm_command(), stdin=client.warm_stdin, stdout=out, stderr=out,
                                env=client.env(), start_new_session=True)
    else:
        t0 = time.monotonic()
        seed.begin(client.port, t0, dial=False)
        proc = subprocess.Popen(client.command(), stdin=subprocess.DEVNULL, stdout=out, stderr=out, env=client.env(),
                                start_new_session=True)
    with open(ctx["pid_file"], "w") as f:
        f.write(str(proc.pid))
    try:
        if ctx["warm"]:
            while not client.warm_ready():
                if proc.poll() is not None:
                    raise RuntimeError("exited %d before it was ready: %s" % (proc.returncode, first_line(out_path)))
                if time.monotonic() - started > TIMEOUT_S:
                    raise RuntimeError("not ready within %d s" % TIMEOUT_S)
                time.sleep(0.05)
            row["ready_s"] = time.monotonic() - started
            time.sleep(SETTLE_S)
            out.write("# t0 %s.%03d (the add)\n" % (time.strftime("%H:%M:%S"), int(time.time() * 1000) % 1000))
            out.flush()
            row["load"] = os.getloadavg()[0]
            t0 = time.monotonic()
            seed.begin(client.port, t0, dial=False)
            client.warm_add(proc)
            row["add_s"] = time.monotonic() - t0
        metadata, block, failure = await_moments(proc, client, files, t0, out_path, row)
        if failure is None:                              # let the seed's watcher read its counter
            deadline = time.monotonic() + SEED_GRACE_S
            while seed.first is None and time.monotonic() < deadline:
                time.sleep(POLL_S)
    except (RuntimeError, OSError, ValueError) as e:
        failure = "%s: %s" % (type(e).__name__, e)
    finally:
        stats = seed.end() if t0 is not None else {"first_block_s": None, "connections": None}
        kill_group(proc)
        out.close()
        os.unlink(ctx["pid_file"])
    row.update({"metadata_s": metadata, "first_block_s": block, "seed_sent_s": stats["first_block_s"],
                "connections": stats["connections"]})
    row["ok"] = failure is None
    row["reason"] = failure or ""
    if os.environ.get("KEEP") == "1":                    # its folders, for its own logs: kept/CLIENT-ROUND
        kept = os.path.join(ctx["work"], "kept", "%s-%d" % (name, rnd))
        subprocess.run(["rm", "-rf", kept], check=True)
        os.makedirs(os.path.dirname(kept), exist_ok=True)
        os.rename(base, kept)
    subprocess.run(["rm", "-rf", base], check=True)
    return row


# --- the run -----------------------------------------------------------------------------------

def magnet_of(infohash, name, tracker_port, seed_port):
    """The one link every client gets: info-hash, name, the tracker, and the seed's address if given."""
    q = [("xt", "urn:btih:" + infohash), ("dn", name), ("tr", "http://127.0.0.1:%d/announce" % tracker_port)]
    if seed_port is not None:
        q.append(("x.pe", "127.0.0.1:%d" % seed_port))
    return "magnet:?" + "&".join("%s=%s" % (k, urllib.parse.quote(v, safe=":")) for k, v in q)


def fmt(v):
    return "–" if v is None else "%.2f" % v


def spread(rows, key):
    vals = [r[key] for r in rows if r.get(key) is not None]
    if not vals:
        return "–"
    return "%.2f (%.2f–%.2f)" % (statistics.median(vals), min(vals), max(vals))


def run(argv):
    import argparse
    ap = argparse.ArgumentParser(prog="magnet_start.py run")
    ap.add_argument("--work", required=True)
    ap.add_argument("--torrent", required=True)
    ap.add_argument("--data", required=True, help="the seed's save path")
    ap.add_argument("--no-xpe", action="store_true", help="leave the seed's address (x.pe) out of the magnet")
    ap.add_argument("--warm", action="store_true", help="each client already runs; the clock starts at the add")
    ap.add_argument("--tracker-port", type=int, required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--shoal-jar", required=True)
    ap.add_argument("clients", nargs="+")
    a = ap.parse_args(argv)
    for c in a.clients:
        if c not in CLIENTS:
            sys.exit("unknown client %s (known: %s)" % (c, " ".join(CLIENTS)))
    ti = lt.torrent_info(a.torrent)
    fs = ti.files()
    ctx = {"work": a.work, "shoal_jar": a.shoal_jar, "infohash": v1_hex(a.torrent), "warm": a.warm,
           "files": [fs.file_path(i) for i in range(fs.num_files())], "pid_file": os.path.join(a.work, "client.pid")}

    def on_signal(signum, frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    tracker = Tracker(a.work, a.tracker_port, ctx["infohash"])
    log("seed: checking %s ..." % a.data)
    seed = Seed(a.torrent, a.data)
    log("seed: libtorrent %s on 127.0.0.1:%d, %d files, %d MiB, %d pieces of %d KiB, metadata %d bytes"
        % (lt.__version__, seed.port, fs.num_files(), ti.total_size() >> 20, ti.num_pieces(),
           ti.piece_length() // 1024, len(ti.info_section())))
    ctx["magnet"] = magnet_of(ctx["infohash"], ti.name(), a.tracker_port, None if a.no_xpe else seed.port)
    log("magnet: " + ctx["magnet"])
    fields = ["round", "client", "ok", "metadata_s", "first_block_s", "seed_sent_s", "api_add_s", "api_dl_s",
              "startup_s", "ready_s", "add_s", "load", "connections", "reason"]
    rows = []
    csv_path = os.path.join(a.work, "results.csv")
    try:
        with open(csv_path, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
            w.writeheader()
            for rnd in range(1, a.rounds + 1):
                # Each round starts one client further along: every client runs first, second, ...
                k = (rnd - 1) % len(a.clients)
                for name in a.clients[k:] + a.clients[:k]:
                    row = run_once(ctx, seed, tracker, name, rnd)
                    rows.append(row)
                    w.writerow({k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()})
                    f.flush()
                    log("round %d/%d %-12s metadata %s s, first block %s s, seed sent %s s%s"
                        % (rnd, a.rounds, name, fmt(row.get("metadata_s")), fmt(row.get("first_block_s")),
                           fmt(row.get("seed_sent_s")), "" if row["ok"] else ", failed: " + row["reason"]))
    finally:
        tracker.stop()

    print()
    print("Magnet to metadata and to first block: %d files, %d MiB, %d KiB pieces, metadata %d bytes; "
          "libtorrent %s seed and opentracker on loopback; %d round(s), %s"
          % (fs.num_files(), ti.total_size() >> 20, ti.piece_length() // 1024, len(ti.info_section()), lt.__version__,
             a.rounds, "warm" if a.warm else "cold"))
    print()
    print("Seconds from the add to the running client, median (min–max):" if a.warm
          else "Seconds from the client's start, median (min–max):")
    print()
    print("| client | metadata s | first block s | seed sent s | ok |")
    print("|---|---:|---:|---:|---|")
    any_failed = False
    for name in a.clients:
        mine = [r for r in rows if r["client"] == name]
        good = [r for r in mine if r["ok"]]
        ok = "%d/%d" % (len(good), len(mine))
        if len(good) != len(mine):
            any_failed = True
            ok += ", failed: " + "; ".join(sorted({r["reason"] for r in mine if not r["ok"]}))[:300].replace("|", "/")
        print("| %s | %s | %s | %s | %s |" % (name, spread(good, "metadata_s"), spread(good, "first_block_s"),
                                              spread(good, "seed_sent_s"), ok))
    shoal = [r for r in rows if r.get("startup_s") is not None]
    if shoal:
        print()
        print("shoal --version (JVM and framework start-up, no engine): %s s" % spread(shoal, "startup_s"))
    if a.warm:
        print()
        print("The add itself (its request until the client's answer) and the start until ready, s:")
        print()
        print("| client | add s | ready s |")
        print("|---|---:|---:|")
        for name in a.clients:
            mine = [r for r in rows if r["client"] == name]
            print("| %s | %s | %s |" % (name, spread(mine, "add_s"), spread(mine, "ready_s")))
    print()
    print("Raw figures (s): round client metadata first-block seed-sent load "
          "[shoal: start-up] [warm: add ready] [qbittorrent: api-add api-dl]")
    for r in rows:
        extra = "" if r.get("startup_s") is None else " start-up %s" % fmt(r["startup_s"])
        if r.get("add_s") is not None:
            extra += " add %s ready %s" % (fmt(r["add_s"]), fmt(r.get("ready_s")))
        if r.get("api_add_s") is not None:
            extra += " api-add %s api-dl %s" % (fmt(r.get("api_add_s")), fmt(r.get("api_dl_s")))
        print("  %d %-12s %s %s %s %s%s%s" % (r["round"], r["client"], fmt(r.get("metadata_s")),
                                             fmt(r.get("first_block_s")), fmt(r.get("seed_sent_s")),
                                             fmt(r.get("load")), extra, "" if r["ok"] else "  failed: " + r["reason"]))
    print()
    print("per-round numbers: " + csv_path)
    return 1 if any_failed else 0


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "leech-magnet":
        sys.exit(leech_magnet(args[0], args[1], args[2], int(args[3])))
    elif cmd == "run":
        sys.exit(run(args))
    else:
        sys.exit("unknown subcommand " + cmd)


if __name__ == "__main__":
    main()
