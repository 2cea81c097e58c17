"""Helper of bench/swarm-1gib.sh: the libtorrent seed, the downloaders, the measurements.

Run with Debian's /usr/bin/python3 (it has `import libtorrent`). Subcommands:

  infohash TORRENT                       prints the v1 info-hash (hex)
  freeport                               prints a port free for TCP and UDP on 127.0.0.1
  tracker-ready PORT HEX [SECONDS]       waits until opentracker on PORT answers for HEX
  leech TORRENT DIR PORT [SECONDS]       the libtorrent downloader: fetches into DIR, exits when
                                         complete (0) or on time-out/error (1)
  run --work W --torrent T --data D --sha1 S --rounds N --repo R CLIENT...
                                         starts one libtorrent seed for T with its data under D,
                                         times each CLIENT downloading from it, N rounds, prints a
                                         Markdown table of medians and writes W/results.csv

Everything listens on and connects to 127.0.0.1 only.
"""
import base64
import csv
import hashlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import libtorrent as lt

CLK_TCK = os.sysconf("SC_CLK_TCK")
LOCAL_ONLY = {
    "enable_dht": False, "enable_lsd": False, "enable_upnp": False, "enable_natpmp": False,
    "allow_multiple_connections_per_ip": True,
    # libtorrent tries uTP first on an outgoing connection: to a TCP-only client that costs a 3 s
    # connect time-out, and libtorrent to libtorrent over uTP on loopback runs at ~7 MiB/s.
    "enable_outgoing_utp": False, "enable_incoming_utp": False,
}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def free_port():
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
            tcp.bind(("127.0.0.1", 0))
            port = tcp.getsockname()[1]
            try:
                with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                    udp.bind(("127.0.0.1", port))
                    return port
            except OSError:
                continue
    raise OSError("no port free for both TCP and UDP")


def v1_hex(torrent):
    ti = lt.torrent_info(torrent)
    return str(ti.info_hashes().v1) if hasattr(ti, "info_hashes") else str(ti.info_hash())


def tracker_ready(port, hexhash, limit):
    """opentracker loads its whitelist a moment after it starts: wait for a listed hash to work."""
    q = urllib.parse.urlencode({"info_hash": bytes.fromhex(hexhash), "peer_id": b"-PROBE-0000000000000",
                                "port": 1, "uploaded": 0, "downloaded": 0, "left": 0, "event": "stopped"})
    url = "http://127.0.0.1:%d/announce?%s" % (port, q)
    deadline = time.monotonic() + limit
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                body = r.read()
                if b"interval" in body and b"failure reason" not in body:
                    return True
                last = body[:200]
        except OSError as e:
            last = e
        time.sleep(0.1)
    log("opentracker not ready on port %d: %s" % (port, last))
    return False


# --- the libtorrent downloader (a separate process, so that its CPU and memory are its own) -----

def leech(torrent, save_path, port, limit):
    settings = dict(LOCAL_ONLY)
    settings.update({
        "listen_interfaces": "127.0.0.1:%d" % port,
        "alert_mask": lt.alert.category_t.status_notification | lt.alert.category_t.error_notification,
    })
    ses = lt.session(settings)
    h = ses.add_torrent({"ti": lt.torrent_info(torrent), "save_path": save_path})
    deadline = time.monotonic() + limit
    done = False
    while not done and time.monotonic() < deadline:
        ses.wait_for_alert(100)
        for a in ses.pop_alerts():
            if isinstance(a, lt.torrent_finished_alert):
                done = True
            elif isinstance(a, (lt.file_error_alert, lt.torrent_error_alert)):
                log("leech: " + a.message())
                return 1
        if not done and h.status().is_finished:
            done = True
    if not done:
        log("leech: not complete within %.0f s" % limit)
        return 1
    # Leave as a user's program would: close the files, say "stopped" to the tracker, shut down.
    ses.remove_torrent(h)
    del ses
    return 0


# --- process measurements --------------------------------------------------------------------

def proc_stat(pid):
    """(ppid, utime, stime, cutime, cstime) of a live process in seconds, or None."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            s = f.read()
    except OSError:
        return None
    fields = s[s.rindex(")") + 2:].split()
    # fields[0] is field 3 (state): ppid=4, utime=14, stime=15, cutime=16, cstime=17
    return (int(fields[1]),) + tuple(int(x) / CLK_TCK for x in fields[11:15])


def tree(root):
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = proc_stat(int(name))
            if st:
                children.setdefault(st[0], []).append(int(name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def memory_kib(pid):
    """(VmHWM, RssAnon) of a live process in KiB; (0, 0) when it is gone."""
    hwm = anon = 0
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
                elif line.startswith("RssAnon:"):
                    anon = int(line.split()[1])
    except OSError:
        pass
    return hwm, anon


def cpu_of_tree(pids):
    """user and sys seconds of the live processes, each with the children it has waited for."""
    user = sys_ = 0.0
    for pid in pids:
        st = proc_stat(pid)
        if st is not None:
            user += st[1] + st[3]
            sys_ += st[2] + st[4]
    return user, sys_


class MemorySampler:
    """Peak memory of a client's process tree, read from /proc while it runs.

    Not getrusage's ru_maxrss: a child of this process starts life sharing our address space
    (vfork), and Linux folds that, the seed's 1 GiB of mapped data included, into the child's
    maxrss at exec. VmHWM is the high-water mark of the exec'd program's own address space.
    """

    def __init__(self, root):
        self.root, self.pids, self.next_scan = root, [root], 0.0
        self.hwm = self.anon = 0

    def sample(self, now):
        if now >= self.next_scan:            # descendants: a full /proc scan, twice a second
            self.pids = tree(self.root)
            self.next_scan = now + 0.5
        for pid in self.pids:
            hwm, anon = memory_kib(pid)
            self.hwm = max(self.hwm, hwm)    # max over the tree's processes, not their sum
            self.anon = max(self.anon, anon)


def listening(port):
    """Whether some socket listens on TCP port (IPv4 or IPv6), from /proc/net: no connection made."""
    needle = ":%04X " % port
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    cols = line.split()
                    if cols[3] == "0A" and (cols[1] + " ").endswith(needle):
                        return True
        except OSError:
            pass
    return False


# --- the seed ----------------------------------------------------------------------------------

class Seed:
    """One libtorrent seed; while a client runs, a thread polls the per-peer upload counters."""

    PLAINTEXT = {"out_enc_policy": lt.enc_policy.disabled, "in_enc_policy": lt.enc_policy.enabled,
                 "allowed_enc_level": lt.enc_level.plaintext, "prefer_rc4": False}
    # MSE forced both ways, RC4 only: what encryption costs each end, same swarm otherwise.
    RC4 = {"out_enc_policy": lt.enc_policy.forced, "in_enc_policy": lt.enc_policy.forced,
           "allowed_enc_level": lt.enc_level.rc4, "prefer_rc4": True}

    def __init__(self, torrent, save_path, rc4=False):
        settings = lt.high_performance_seed()
        settings.update(LOCAL_ONLY)
        settings.update({
            # Payload in plaintext, always: clients that prefer encryption (qBittorrent) would
            # otherwise get RC4 or not depending on which side's connection survives the
            # duplicate check, and RC4 costs both ends CPU. An obfuscated handshake is accepted.
            **self.PLAINTEXT,
            # A client may listen before it has loaded the torrent and hang up on us: forget a
            # peer after one failed attempt, so that the next connect_peer tries again at once
            # rather than after libtorrent's growing back-off (stale peers go the same way).
            "min_reconnect_time": 1, "max_failcount": 1,
            "listen_interfaces": "127.0.0.1:%d" % free_port(),
            "alert_mask": lt.alert.category_t.status_notification | lt.alert.category_t.error_notification,
        })
        if rc4:
            settings.update(self.RC4)
        self.ses = lt.session(settings)
        self.ti = lt.torrent_info(torrent)
        self.size = self.ti.total_size()
        self.h = self.ses.add_torrent({"ti": self.ti, "save_path": save_path})
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            st = self.h.status()
            if st.is_seeding and st.state == lt.torrent_status.seeding:
                break
            for a in self.ses.pop_alerts():
                if isinstance(a, (lt.file_error_alert, lt.torrent_error_alert)):
                    raise RuntimeError("seed: " + a.message())
            time.sleep(0.1)
        else:
            raise RuntimeError("seed: data under %s not complete (state %s, %d/%d pieces)"
                               % (save_path, st.state, st.num_pieces, self.ti.num_pieces()))
        self.port = self.ses.listen_port()
        self.thread = None

    def encrypt(self, rc4):
        """Switches between plaintext and forced RC4 for the connections made from now on."""
        self.ses.apply_settings(self.RC4 if rc4 else self.PLAINTEXT)

    def _sent_payload(self, timeout_ms=1000):
        """The session's payload bytes sent so far, and the monotonic time it was known by.

        Unlike the torrent's own counter (moved once a second) this one is counted as the bytes
        go out; and unlike the per-peer counters it keeps the last bytes of a connection the
        client closed before the next poll could see them (aria2 hangs up at once).
        """
        self.ses.post_session_stats()
        deadline = time.monotonic() + timeout_ms / 1000
        while time.monotonic() < deadline:
            self.ses.wait_for_alert(max(1, int((deadline - time.monotonic()) * 1000)))
            for a in self.ses.pop_alerts():
                if isinstance(a, lt.session_stats_alert):
                    return a.values["net.sent_payload_bytes"], time.monotonic()
        raise RuntimeError("seed: no session stats within %d ms" % timeout_ms)

    def begin(self, client_port, t0, dial=True):
        """Watches the payload sent from t0 on; dial: connect to the client's port ourselves too."""
        self.base, _ = self._sent_payload()
        self.dial = dial
        self.t0 = t0
        self.client_port = client_port
        self.first = None       # monotonic time by which the first payload byte had been sent
        self.reached = None     # ... by which the torrent's size in payload had been sent
        self.total = 0
        self.last_growth = None
        self.peer_sent = {}     # (ip, port) of each connection -> payload sent on it (per-peer counter)
        self.rc4 = False        # whether any connection encrypted its payload
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self):
        next_connect = 0.0
        while not self.stop.is_set():
            value, now = self._sent_payload()
            total = value - self.base
            if total > self.total:
                self.total = total
                self.last_growth = now
                if self.first is None:
                    self.first = now
                if self.reached is None and total >= self.size:
                    self.reached = now
            for p in self.h.get_peer_info():
                self.peer_sent[tuple(p.ip)] = max(self.peer_sent.get(tuple(p.ip), 0), p.total_upload)
                self.rc4 = self.rc4 or bool(p.flags & lt.peer_info.rc4_encrypted)
            # Connect to the client ourselves (Transmission drops 127.x peers from trackers; for the
            # others it saves waiting for their announce): until a payload byte has gone out.
            # Only once it listens: a refused attempt puts the peer on libtorrent's back-off list.
            if self.dial and self.first is None and now >= next_connect and listening(self.client_port):
                try:
                    self.h.connect_peer(("127.0.0.1", self.client_port), 0)
                except RuntimeError:
                    pass
                next_connect = now + 0.25
            self.stop.wait(0.01)

    def end(self):
        self.stop.set()
        self.thread.join()
        # The last block: when the count reached the torrent's size. libtorrent counts bytes when
        # the socket write completes; a client that hangs up the moment it has everything (aria2)
        # leaves the last few hundred KiB written but never counted, and the count stops short:
        # then it is the last time the count grew.
        last = self.reached or self.last_growth
        return {
            "first_block_s": None if self.first is None else self.first - self.t0,
            "transfer_s": None if self.first is None or last is None or last <= self.first else last - self.first,
            "last_block_estimated": self.reached is None and last is not None,
            "rc4": self.rc4,
            "sent_bytes": self.total,
            "connections": len(self.peer_sent),
            "per_peer_sent_bytes": sum(self.peer_sent.values()),
        }


# --- the downloaders -----------------------------------------------------------------------------

def http_json(url, data=None, headers=None, timeout=2):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read().decode())


class Client:
    oneshot = True
    poll_s = 0.01
    timeout_s = 120

    def __init__(self, ctx, dl_dir, conf_dir, port):
        self.ctx, self.dl, self.conf, self.port = ctx, dl_dir, conf_dir, port

    def check(self):
        """None when the client can run here, else why not."""
        return None

    def env(self):
        return None

    def cwd(self):
        return None

    def prepare(self):
        pass

    def done(self):
        """Daemons: whether it has reported the torrent complete (polled every poll_s)."""
        return False

    def confirm(self):
        """Daemons, once done: None when the client agrees it has everything, else what is wrong."""
        return None


class Libtorrent(Client):
    name = "libtorrent"

    def command(self):
        return [sys.executable, os.path.abspath(__file__), "leech", self.ctx["torrent"], self.dl,
                str(self.port), str(self.timeout_s)]


class Aria2(Client):
    name = "aria2"

    def check(self):
        return None if shutil.which("aria2c") else "aria2c missing: apt-get install aria2"

    def command(self):
        return ["aria2c", "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
                "--enable-peer-exchange=false", "--interface=127.0.0.1", "--disable-ipv6=true",
                "--listen-port=%d" % self.port, "--seed-time=0", "--summary-interval=0",
                "--console-log-level=warn", "--dir=" + self.dl, self.ctx["torrent"]]


class Shoal(Client):
    name = "shoal"

    def check(self):
        if not os.path.isfile(self.ctx["shoal_jar"]):
            return ("%s missing (this script never builds it: "
                    "mvn -B -q -Dmaven.test.skip=true package -pl distribution -am)" % self.ctx["shoal_jar"])
        if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
            return "java missing"
        return None

    def env(self):
        e = dict(os.environ)
        e["SHOAL_JAR"] = self.ctx["shoal_jar"]          # run that jar, never build inside the timing
        e["SHOAL_DATA_DIR"] = self.conf                  # a fresh data directory every run
        return e

    def cwd(self):
        return self.ctx["repo"]

    def command(self):
        # ./shoal execs java, so the process started here is the JVM itself.
        return ["./shoal", "get", "--dir", self.dl, "--port", str(self.port), "--seed-ratio", "0",
                "--quiet", self.ctx["torrent"]]


class Qbittorrent(Client):
    name = "qbittorrent"
    oneshot = False

    def check(self):
        return None if shutil.which("qbittorrent-nox") else "qbittorrent-nox missing: apt-get install qbittorrent-nox"

    def prepare(self):
        self.marker = os.path.join(self.conf, "finished")
        self.webui = free_port()
        cfg = os.path.join(self.conf, "qBittorrent", "config")
        os.makedirs(cfg)
        with open(os.path.join(cfg, "qBittorrent.conf"), "w") as f:
            f.write("\n".join([
                "[LegalNotice]", "Accepted=true", "",
                # Completion: qBittorrent runs this when the torrent finishes (its Web API
                # only refreshes torrent states every 1.5 s).
                "[AutoRun]", "enabled=true", "program=touch " + self.marker, "",
                "[BitTorrent]",
                "Session\\Port=%d" % self.port,
                "Session\\Interface=lo", "Session\\InterfaceName=lo", "Session\\InterfaceAddress=127.0.0.1",
                "Session\\DHTEnabled=false", "Session\\LSDEnabled=false", "Session\\PeXEnabled=false",
                "Session\\DefaultSavePath=" + self.dl,
                "Session\\QueueingSystemEnabled=false", "",
                "[Network]", "PortForwardingEnabled=false", "",
                "[Preferences]",
                "Connection\\ResolvePeerCountries=false",
                "Connection\\UPnP=false",
                "General\\Locale=en",
                "WebUI\\Address=127.0.0.1", "WebUI\\Port=%d" % self.webui,
                "WebUI\\LocalHostAuth=false", "WebUI\\CSRFProtection=false",
                "WebUI\\HostHeaderValidation=false", "WebUI\\UseUPnP=false", "",
            ]))

    def env(self):
        e = dict(os.environ)
        e["HOME"] = self.conf                             # nothing of it lands in the real home
        e["XDG_CONFIG_HOME"] = os.path.join(self.conf, ".config")
        e["XDG_DATA_HOME"] = os.path.join(self.conf, ".local")
        e["XDG_CACHE_HOME"] = os.path.join(self.conf, ".cache")
        return e

    def command(self):
        return ["qbittorrent-nox", "--profile=" + self.conf, "--webui-port=%d" % self.webui,
                "--torrenting-port=%d" % self.port, "--save-path=" + self.dl, "--skip-dialog=true",
                self.ctx["torrent"]]

    def done(self):
        return os.path.exists(self.marker)

    def confirm(self):
        """After the marker: the Web API must agree that nothing is left."""
        info = http_json("http://127.0.0.1:%d/api/v2/torrents/info?hashes=%s"
                         % (self.webui, self.ctx["infohash"]), timeout=5)
        if not info or info[0].get("amount_left", 1) != 0 or info[0].get("progress", 0) < 1.0:
            return "qBittorrent ran its finish program but its Web API says: %s" % (info[:1],)
        return None


class Transmission(Client):
    name = "transmission"
    oneshot = False
    timeout_s = 600

    def check(self):
        return None if shutil.which("transmission-daemon") else \
            "transmission-daemon missing: apt-get install transmission-daemon"

    def prepare(self):
        self.rpc = free_port()
        self.session = ""
        self.added = False
        self.next_add = 0.0
        # Completion: Transmission runs this script when the torrent is done.
        self.marker = os.path.join(self.conf, "finished")
        script = os.path.join(self.conf, "done.sh")
        with open(script, "w") as f:
            f.write("#!/bin/sh\ntouch '%s'\n" % self.marker)
        os.chmod(script, 0o755)
        settings = {
            "bind-address-ipv4": "127.0.0.1", "bind-address-ipv6": "::1",
            "peer-port": self.port, "peer-port-random-on-start": False,
            "dht-enabled": False, "lpd-enabled": False, "utp-enabled": False, "pex-enabled": False,
            "port-forwarding-enabled": False, "blocklist-enabled": False,
            "rpc-enabled": True, "rpc-bind-address": "127.0.0.1", "rpc-port": self.rpc,
            "rpc-authentication-required": False, "rpc-whitelist-enabled": True,
            "rpc-whitelist": "127.0.0.1", "rpc-host-whitelist-enabled": False,
            "download-dir": self.dl, "incomplete-dir-enabled": False, "watch-dir-enabled": False,
            "start-added-torrents": True, "message-level": 1,
            "script-torrent-done-enabled": True, "script-torrent-done-filename": script,
        }
        os.makedirs(self.conf, exist_ok=True)
        with open(os.path.join(self.conf, "settings.json"), "w") as f:
            json.dump(settings, f, indent=1)

    def command(self):
        return ["transmission-daemon", "--foreground", "--config-dir", self.conf, "--log-error"]

    def _rpc(self, method, args):
        body = json.dumps({"method": method, "arguments": args}).encode()
        url = "http://127.0.0.1:%d/transmission/rpc" % self.rpc
        for _ in range(2):
            try:
                return http_json(url, body, {"X-Transmission-Session-Id": self.session}, timeout=2)
            except urllib.error.HTTPError as e:
                if e.code != 409:
                    raise
                self.session = e.headers.get("X-Transmission-Session-Id", "")
        raise OSError("transmission rpc: no session id")

    def done(self):
        if not self.added:                               # add it over RPC once that answers
            now = time.monotonic()
            if now < self.next_add:
                return False
            self.next_add = now + 0.1
            try:
                with open(self.ctx["torrent"], "rb") as f:
                    meta = base64.b64encode(f.read()).decode()
                r = self._rpc("torrent-add", {"metainfo": meta, "download-dir": self.dl, "paused": False})
            except (OSError, ValueError):
                return False                             # not listening yet
            if r.get("result") != "success":
                raise RuntimeError("transmission torrent-add: %s" % r.get("result"))
            self.added = True
            return False
        return os.path.exists(self.marker)

    def confirm(self):
        r = self._rpc("torrent-get", {"fields": ["leftUntilDone", "percentDone", "error", "errorString"]})
        ts = r.get("arguments", {}).get("torrents", [])
        if not ts or ts[0].get("leftUntilDone", 1) != 0 or ts[0].get("error"):
            return "Transmission ran its done script but its RPC says: %s" % (ts[:1],)
        return None


CLIENTS = {c.name: c for c in (Shoal, Libtorrent, Qbittorrent, Aria2, Transmission)}


# --- one run -----------------------------------------------------------------------------------

def kill_group(proc, grace=5.0):
    """SIGTERM the client's process group, SIGKILL after grace; returns wait4's rusage or None."""
    if proc.returncode is not None:
        return None
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return ru
        time.sleep(0.02)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    pid, status, ru = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return ru


def verify(dl_dir, expected):
    """expected: relative path -> (size, sha1 hex). None when all match, else what is wrong."""
    for rel, (size, sha1) in expected.items():
        path = os.path.join(dl_dir, rel)
        if not os.path.isfile(path):
            return "missing %s" % rel
        if os.path.getsize(path) != size:
            return "%s has %d bytes, not %d" % (rel, os.path.getsize(path), size)
        h = hashlib.sha1()
        with open(path, "rb") as f:
            while True:
                b = f.read(1 << 22)
                if not b:
                    break
                h.update(b)
        if h.hexdigest() != sha1:
            return "%s: wrong data (sha1 %s)" % (rel, h.hexdigest())
    return None


def warm(paths):
    for p in paths:
        with open(p, "rb") as f:
            while f.read(1 << 22):
                pass


def first_line(path, limit=200):
    try:
        with open(path, errors="replace") as f:
            for line in f:
                if line.strip():
                    return line.strip()[:limit]
    except OSError:
        pass
    return "(no output)"


def run_once(ctx, seed, name, label, rnd, current_pid_file):
    cls = CLIENTS[name]
    base = os.path.join(ctx["work"], "run")
    shutil.rmtree(base, ignore_errors=True)
    dl, conf = os.path.join(base, "download"), os.path.join(base, "conf")
    os.makedirs(dl)
    os.makedirs(conf)
    client = cls(ctx, dl, conf, free_port())
    row = {"round": rnd, "client": label, "ok": False, "reason": ""}
    why = client.check()
    if why:
        row["reason"] = why
        return row
    client.prepare()
    # Settle: write-back of the last run out of the way, the seed's data in the page cache.
    os.sync()
    warm(ctx["source_files"])
    time.sleep(0.5)

    out_path = os.path.join(ctx["work"], "logs", "%s-%d.log" % (label.replace(" ", "-"), rnd))
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    out = open(out_path, "w")
    harness0 = os.times()
    t0 = time.monotonic()
    seed.begin(client.port, t0)
    proc = subprocess.Popen(client.command(), stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                            env=client.env(), cwd=client.cwd(), start_new_session=True)
    with open(current_pid_file, "w") as f:
        f.write(str(proc.pid))
    deadline = t0 + client.timeout_s
    mem = MemorySampler(proc.pid)
    ru = None
    t_done = None
    cpu_at_done = None
    failure = None
    next_poll = t0
    try:
        while True:
            now = time.monotonic()
            pid, status, r = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                ru = r
                if client.oneshot and proc.returncode == 0:
                    t_done = now
                else:
                    failure = "exit %d: %s" % (proc.returncode, first_line(out_path))
                break
            mem.sample(now)
            if not client.oneshot and now >= next_poll:
                next_poll = now + client.poll_s
                if client.done():
                    t_done = time.monotonic()
                    cpu_at_done = cpu_of_tree(tree(proc.pid))
                    mem.sample(t_done)
                    failure = client.confirm()
                    break
            if now > deadline:
                failure = "not done within %d s" % client.timeout_s
                break
            time.sleep(0.01)
    except (RuntimeError, OSError, ValueError) as e:
        failure = "%s: %s" % (type(e).__name__, e)
    finally:
        seed_stats = seed.end()
        harness1 = os.times()
        exit_ru = kill_group(proc)
        out.close()
        os.unlink(current_pid_file)

    row.update(seed_stats)
    # This process: the seed's libtorrent threads, its watcher, the polling of the client.
    row["harness_cpu_s"] = (harness1.user - harness0.user) + (harness1.system - harness0.system)
    row["sent_mib"] = seed_stats["sent_bytes"] / 2**20
    if failure is None:
        row["wall_s"] = t_done - t0
        if ru is not None:        # one-shot: the exited process and all it waited for (wait4)
            row["cpu_user_s"], row["cpu_sys_s"] = ru.ru_utime, ru.ru_stime
        else:                     # daemon: its process tree at the moment it reported completion
            row["cpu_user_s"], row["cpu_sys_s"] = cpu_at_done
        row["cpu_s"] = row["cpu_user_s"] + row["cpu_sys_s"]
        row["peak_rss_mib"] = mem.hwm / 1024
        row["peak_anon_mib"] = mem.anon / 1024
        if exit_ru is not None:   # daemons: the whole life including shutdown, for the CSV only
            row["cpu_incl_shutdown_s"] = exit_ru.ru_utime + exit_ru.ru_stime
        if row["transfer_s"]:
            row["transfer_mib_s"] = ctx["size"] / 2**20 / row["transfer_s"]
        failure = verify(dl, ctx["expected"])
        if failure:
            failure = "bad data: " + failure
        elif row["transfer_s"] is None:
            failure = "the seed saw no transfer (%d bytes sent)" % seed_stats["sent_bytes"]
        elif seed_stats["sent_bytes"] < ctx["size"] - 16 * 2**20:
            failure = "the seed sent only %d bytes: the data came from elsewhere" % seed_stats["sent_bytes"]
    row["ok"] = failure is None
    row["reason"] = failure or ""
    shutil.rmtree(base, ignore_errors=True)
    return row


def fmt(v, digits):
    return "–" if v is None else ("%." + str(digits) + "f") % v


def median_of(rows, key):
    vals = [r[key] for r in rows if r.get(key) is not None]
    return statistics.median(vals) if vals else None


def run(argv):
    import argparse
    ap = argparse.ArgumentParser(prog="swarm_1gib.py run")
    ap.add_argument("--work", required=True)
    ap.add_argument("--torrent", required=True)
    ap.add_argument("--data", required=True, help="the seed's save path")
    ap.add_argument("--sha1", required=True, help="sha1sum output for the files, relative to --data")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--shoal-jar", required=True)
    ap.add_argument("--seed-encryption", choices=("plaintext", "rc4", "both"), default="plaintext")
    ap.add_argument("clients", nargs="+")
    a = ap.parse_args(argv)

    for c in a.clients:
        if c not in CLIENTS:
            sys.exit("unknown client %s (known: %s)" % (c, " ".join(CLIENTS)))
    expected = {}
    with open(a.sha1) as f:
        for line in f:
            sha1, rel = line.split(None, 1)
            rel = rel.strip().lstrip("*")
            expected[rel] = (os.path.getsize(os.path.join(a.data, rel)), sha1)
    ti = lt.torrent_info(a.torrent)
    ctx = {"work": a.work, "torrent": os.path.abspath(a.torrent), "repo": a.repo,
           "shoal_jar": a.shoal_jar, "infohash": v1_hex(a.torrent), "size": ti.total_size(),
           "expected": expected, "source_files": [os.path.join(a.data, r) for r in expected]}
    if sum(s for s, _ in expected.values()) != ctx["size"]:
        sys.exit("the sha1 list does not cover the torrent")

    def on_signal(signum, frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    log("seed: checking %s ..." % a.data)
    seed = Seed(ctx["torrent"], a.data, rc4=a.seed_encryption == "rc4")
    # both: each client runs twice a round, plaintext then RC4, so that the two see the same load.
    modes = ["plaintext", "rc4"] if a.seed_encryption == "both" else [a.seed_encryption]
    labels = [(name, mode, name if len(modes) == 1 else "%s %s" % (name, mode))
              for name in a.clients for mode in modes]
    log("seed: libtorrent %s on 127.0.0.1:%d, %d pieces of %d KiB"
        % (lt.__version__, seed.port, ti.num_pieces(), ti.piece_length() // 1024))
    pid_file = os.path.join(a.work, "client.pid")
    csv_path = os.path.join(a.work, "results.csv")
    fields = ["round", "client", "ok", "wall_s", "first_block_s", "transfer_s", "transfer_mib_s", "cpu_s",
              "cpu_user_s", "cpu_sys_s", "peak_rss_mib", "peak_anon_mib", "cpu_incl_shutdown_s", "sent_mib",
              "sent_bytes", "per_peer_sent_bytes", "last_block_estimated", "connections", "rc4", "harness_cpu_s",
              "reason"]
    rows = []
    with open(csv_path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        for rnd in range(1, a.rounds + 1):
            for name, mode, label in labels:
                log("round %d/%d: %s ..." % (rnd, a.rounds, label))
                seed.encrypt(mode == "rc4")
                row = run_once(ctx, seed, name, label, rnd, pid_file)
                rows.append(row)
                w.writerow({k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()})
                f.flush()
                if row["ok"]:
                    log("  wall %.2f s, first block %.2f s, transfer %.0f MiB/s, CPU %.2f s, peak RSS %.0f MiB"
                        " (anon %.0f MiB)" % (row["wall_s"], row["first_block_s"], row["transfer_mib_s"],
                                              row["cpu_s"], row["peak_rss_mib"], row["peak_anon_mib"]))
                else:
                    log("  failed: " + row["reason"])

    print()
    print("1 GiB (%d × %d MiB, %d KiB pieces), libtorrent %s seed on loopback (%s), medians of %d round(s)"
          % (len(expected), ctx["size"] // len(expected) // 2**20, ti.piece_length() // 1024, lt.__version__,
             {"rc4": "RC4 forced", "both": "plaintext and RC4 forced"}.get(a.seed_encryption, "plaintext"),
             a.rounds))
    print()
    print("| client | wall s | transfer MiB/s | first block s | CPU s | seed CPU s | peak RSS MiB | peak anon MiB | ok |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    any_failed = False
    for _, _, name in labels:
        mine = [r for r in rows if r["client"] == name]
        good = [r for r in mine if r["ok"]]
        if len(good) == len(mine):
            ok = "%d/%d" % (len(good), len(mine))
        else:
            any_failed = True
            reasons = sorted({r["reason"] for r in mine if not r["ok"]})
            ok = "%d/%d, failed: %s" % (len(good), len(mine), "; ".join(reasons)[:300].replace("|", "/"))
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            name, fmt(median_of(good, "wall_s"), 2), fmt(median_of(good, "transfer_mib_s"), 0),
            fmt(median_of(good, "first_block_s"), 2), fmt(median_of(good, "cpu_s"), 2),
            fmt(median_of(good, "harness_cpu_s"), 2),
            fmt(median_of(good, "peak_rss_mib"), 0), fmt(median_of(good, "peak_anon_mib"), 0), ok))
    print()
    print("per-round numbers: " + csv_path)
    return 1 if any_failed else 0


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "infohash":
        print(v1_hex(args[0]))
    elif cmd == "freeport":
        print(free_port())
    elif cmd == "tracker-ready":
        sys.exit(0 if tracker_ready(int(args[0]), args[1], float(args[2]) if len(args) > 2 else 15) else 1)
    elif cmd == "leech":
        sys.exit(leech(args[0], args[1], int(args[2]), float(args[3]) if len(args) > 3 else 120))
    elif cmd == "run":
        sys.exit(run(args))
    else:
        sys.exit("unknown subcommand " + cmd)


if __name__ == "__main__":
    main()
