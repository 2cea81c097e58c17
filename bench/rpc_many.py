#!/usr/bin/env python3
"""torrent-get over 10,000 torrents: Shoal's Transmission RPC against a real transmission-daemon holding
the same torrents, in the same run, both on loopback.

The torrents are desktop_many.py's (a 1-piece file each, not on disk, a dead tracker on 127.0.0.1:9).
Shoal (`java -jar shoal.jar daemon`, fresh data directory, RPC on a free port without credentials) and
transmission-daemon (fresh config folder, no DHT, LPD, PEX or port mapping) get them the same way, as
a client adds them: through the RPC, one `torrent-add` each with the metainfo, `paused: true` and the
download folder, on one kept-alive connection. Both adds are timed. Then, on one kept-alive connection
each, the same torrent-get requests go to both in turns, one to each alternately (2 warm-up requests
each, then --requests measured ones per field set): the fields `transmission-remote -l` asks for, and
those Transmission's web client asks for when it loads. Prints the median and min-max latency and the
response size per daemon and field set.
Usage: rpc_many.py JAR WORK_DIR [--torrents N] [--requests N]
"""
import argparse
import base64
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

from desktop_many import add_scripts, free_port

FIELDS = {
    # transmission-remote 3.00, -l
    "remote -l": ["id", "error", "errorString", "eta", "isFinished", "leftUntilDone", "name", "peersGettingFromUs",
                  "peersSendingToUs", "rateDownload", "rateUpload", "sizeWhenDone", "status", "uploadRatio"],
    # Transmission 3.00's web client, on loading: id, Torrent.Fields.Metadata and Torrent.Fields.Stats
    "web client": ["id", "addedDate", "name", "totalSize", "error", "errorString", "eta", "isFinished", "isStalled",
                   "leftUntilDone", "metadataPercentComplete", "peersConnected", "peersGettingFromUs",
                   "peersSendingToUs", "percentDone", "queuePosition", "rateDownload", "rateUpload",
                   "recheckProgress", "seedRatioMode", "seedRatioLimit", "sizeWhenDone", "status", "trackers",
                   "downloadDir", "uploadedEver", "uploadRatio", "webseedsSendingToUs"],
}


class Rpc:
    """One kept-alive connection to a Transmission RPC, with the session-id handshake."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        self.session = ""

    def call(self, method, arguments):
        body = json.dumps({"method": method, "arguments": arguments}).encode()
        for _ in range(3):
            try:
                self.connection.request("POST", "/transmission/rpc", body, {"X-Transmission-Session-Id": self.session,
                                                                           "Content-Type": "application/json"})
                response = self.connection.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, ConnectionError):
                # The server closed the kept-alive connection while idle (Jetty after 60 s): a new one.
                self.connection.close()
                continue
            if response.status == 409:
                self.session = response.getheader("X-Transmission-Session-Id")
                continue
            if response.status != 200:
                raise RuntimeError("%s: HTTP %d %s" % (method, response.status, data[:200]))
            return data
        raise RuntimeError("%s: no answer in three tries" % method)

    def answers(self):
        try:
            self.call("session-get", {})
            return True
        except (OSError, http.client.HTTPException, RuntimeError):
            self.connection.close()
            return False


def wait_for(what, check, within, process):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("%s: the process exited with %d" % (what, process.returncode))
        if check():
            return
        time.sleep(0.3)
    raise RuntimeError("gave up waiting for %s after %d s" % (what, within))


def count(rpc):
    return len(json.loads(rpc.call("torrent-get", {"fields": ["id"]}))["arguments"]["torrents"])


def start_shoal(jar, work, port):
    data = os.path.join(work, "shoal-data")
    plugins = os.path.join(data, "plugins")
    os.makedirs(plugins)
    with open(os.path.join(plugins, "dev.shoal.peer.cfg"), "w") as out:
        out.write("listenAddress=127.0.0.1\nport=%d\n" % free_port())
    with open(os.path.join(plugins, "dev.shoal.lsd.cfg"), "w") as out:
        out.write("enabled=false\n")
    with open(os.path.join(plugins, "dev.shoal.rpc.cfg"), "w") as out:
        out.write("port=%d\n" % port)
    tmp = os.path.join(work, "shoal-tmp")
    os.makedirs(tmp)
    options = os.environ.get("SHOAL_JAVA_OPTS", "").split()
    process = subprocess.Popen(["java", "-Djava.io.tmpdir=" + tmp, *options, "-jar", jar, "--data-dir", data,
                                "daemon"], stdin=subprocess.DEVNULL, stdout=open(os.path.join(work, "shoal.out"), "wb"),
                               stderr=open(os.path.join(work, "shoal.err"), "wb"), start_new_session=True)
    return process


def start_transmission(work, port):
    config = os.path.join(work, "transmission-config")
    os.makedirs(config)
    process = subprocess.Popen(["transmission-daemon", "-f", "-g", config, "-w", os.path.join(work, "downloads"),
                                "-p", str(port), "-T", "-P", str(free_port()), "--no-portmap", "--no-dht", "--no-lpd",
                                "-r", "127.0.0.1", "-e", os.path.join(work, "transmission.log")],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=open(os.path.join(work, "transmission.err"), "wb"), start_new_session=True)
    return process


def stop(process):
    if process is not None and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def timed(rpc, fields):
    began = time.perf_counter()
    size = len(rpc.call("torrent-get", {"fields": fields}))
    return (time.perf_counter() - began) * 1000, size


def measure(daemons, fields, requests):
    """Each daemon's latencies and response size; the requests alternate between the daemons, so that a
    burst of load on the machine falls on both rather than on one daemon's whole series."""
    for _ in range(2):
        for rpc in daemons.values():
            rpc.call("torrent-get", {"fields": fields})
    times, sizes = {name: [] for name in daemons}, {}
    for _ in range(requests):
        for name, rpc in daemons.items():
            took, sizes[name] = timed(rpc, fields)
            times[name].append(took)
    return times, sizes


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("rpc_many: terminated"))
    parser = argparse.ArgumentParser()
    parser.add_argument("jar")
    parser.add_argument("work")
    parser.add_argument("--torrents", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    for folder in ("shoal-data", "shoal-tmp", "transmission-config", "downloads"):
        shutil.rmtree(os.path.join(work, folder), ignore_errors=True)
    add_scripts(work, args.torrents)
    torrents = sorted(f for f in os.listdir(os.path.join(work, "torrents")) if f.endswith(".torrent"))
    shoal_port, transmission_port = free_port(), free_port()
    shoal = start_shoal(os.path.abspath(args.jar), work, shoal_port)
    transmission = start_transmission(work, transmission_port)
    try:
        to_shoal, to_transmission = Rpc(shoal_port), Rpc(transmission_port)
        wait_for("Shoal's RPC", to_shoal.answers, 120, shoal)
        wait_for("transmission-daemon's RPC", to_transmission.answers, 60, transmission)
        added = {}
        downloads = os.path.join(work, "downloads")
        metainfos = []
        for name in torrents:
            with open(os.path.join(work, "torrents", name), "rb") as f:
                metainfos.append(base64.b64encode(f.read()).decode())
        for daemon, rpc, process in (("shoal", to_shoal, shoal), ("transmission-daemon", to_transmission,
                                                                   transmission)):
            began = time.monotonic()
            for metainfo in metainfos:
                answer = json.loads(rpc.call("torrent-add", {"metainfo": metainfo, "paused": True,
                                                             "download-dir": downloads}))
                if answer["result"] != "success":
                    raise RuntimeError("%s: torrent-add: %s" % (daemon, answer["result"]))
            wait_for("%d torrents in %s" % (args.torrents, daemon), lambda: count(rpc) == args.torrents, 600,
                     process)
            added[daemon] = time.monotonic() - began
        print("torrents: %d; add (s): shoal %.1f, transmission-daemon %.1f" % (args.torrents, added["shoal"],
                                                                               added["transmission-daemon"]))
        print("%-20s %-11s %10s %17s %12s" % ("daemon", "fields", "median ms", "min-max ms", "bytes"))
        for label, fields in FIELDS.items():
            times, sizes = measure({"shoal": to_shoal, "transmission-daemon": to_transmission}, fields, args.requests)
            for daemon in times:
                print("%-20s %-11s %10.1f %8.1f-%-8.1f %12d" % (daemon, label, statistics.median(times[daemon]),
                                                                min(times[daemon]), max(times[daemon]), sizes[daemon]),
                      flush=True)
    finally:
        stop(shoal)
        stop(transmission)


if __name__ == "__main__":
    main()
