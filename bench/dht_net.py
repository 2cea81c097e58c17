"""A virtual mainline DHT on loopback for bench/dht-magnet.sh: one process answering KRPC for a
network of many nodes, so that the clients' lookups are real iterative lookups over several hops
and an idle node can fill a full routing table, without a process (or a libtorrent session) per
node on a 2-core machine.

  dht_net.py NODES STATUS_FILE    prints "ROUTER_IP:PORT" on stdout once it answers, then serves
                                  until killed; reads control lines on stdin (below)

The network: NODES ids drawn at random (fixed seed), node j at 127.(1 + j>>16).(j>>8 & 255).(j & 255)
on one UDP port. A node's socket is bound the first time its address is handed out (or it is the
router), so only the nodes the clients ever hear of cost a socket. What each node knows is what a
real node's routing table would hold: for a target sharing c bits with its id, 8 nodes drawn
(deterministically per node and bucket) from those sharing at least c + 1 bits with the target,
and, where fewer exist, all of them and the nodes nearest the target. A lookup thus gains ~3 bits
a hop, as in the real DHT, and ends at the same closest nodes from any start.

Answered: ping, find_node, get_peers (values from this node's store, nodes always, a token),
announce_peer (stored, implied_port honoured, at most 100 peers a torrent a node). Every answer
carries BEP 42's "ip". Other methods get error 204. Answers to our own queries are ignored.

Control lines on stdin:
  keep PORT          forget every stored peer whose port is not PORT (between runs: the seed stays)
  query IP:PORT R    from now on send IP:PORT R queries a second (ping, find_node and get_peers of
                     random targets) from random bound nodes: the incoming load of an idle node
STATUS_FILE is rewritten every second: JSON {bound, queries: {method: n}, stored: {hex: peers},
sent_background, answers_to_background}.
"""
import bisect
import json
import os
import random
import resource
import select
import socket
import struct
import sys
import time

import libtorrent as lt

K = 8
MAX_PEERS = 100


def cpl(a, b):
    """Common prefix length, in bits, of two 20-byte ids."""
    x = int.from_bytes(a, "big") ^ int.from_bytes(b, "big")
    return 160 - x.bit_length()


def distance(a, b):
    return int.from_bytes(a, "big") ^ int.from_bytes(b, "big")


class Network:
    def __init__(self, size, port):
        if not 16 <= size <= (1 << 20):
            raise ValueError("NODES must be from 16 to 1048576")
        rng = random.Random(0x5D4)
        self.ids = sorted(rng.getrandbits(160).to_bytes(20, "big") for _ in range(size))
        self.port = port
        self.sockets = {}            # node index -> bound socket
        self.by_fd = {}
        self.poll = select.epoll()
        self.stored = {}             # node index -> {info-hash: {(ip, port)}}
        self.queries = {}
        self.targets = []            # [address, rate, next due]
        self.sent_background = 0
        self.answers_to_background = 0

    @staticmethod
    def address(j):
        return "127.%d.%d.%d" % (1 + (j >> 16), (j >> 8) & 255, j & 255)

    def bind(self, j):
        if j in self.sockets:
            return
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind((self.address(j), self.port))
        s.setblocking(False)
        self.sockets[j] = s
        self.by_fd[s.fileno()] = j
        self.poll.register(s.fileno(), select.EPOLLIN)

    def prefix_range(self, target, bits):
        """Indices [lo, hi) of the ids sharing the first `bits` bits with target."""
        if bits == 0:
            return 0, len(self.ids)
        t = int.from_bytes(target, "big")
        low = (t >> (160 - bits)) << (160 - bits)
        high = low + (1 << (160 - bits))
        lo = bisect.bisect_left(self.ids, low.to_bytes(20, "big"))
        hi = len(self.ids) if high >= 1 << 160 else bisect.bisect_left(self.ids, high.to_bytes(20, "big"))
        return lo, hi

    def nearest(self, target, n):
        pos = bisect.bisect_left(self.ids, target)
        cand = range(max(0, pos - 4 * n), min(len(self.ids), pos + 4 * n))
        return sorted(cand, key=lambda i: distance(self.ids[i], target))[:n]

    def known_near(self, j, target):
        """The K nodes node j would answer for target, nearest first."""
        own = self.ids[j]
        c = cpl(own, target)
        if c >= 160:
            return [i for i in self.nearest(target, K + 1) if i != j][:K]
        lo, hi = self.prefix_range(target, c + 1)
        if hi - lo > K:
            rng = random.Random(j * 161 + c)
            picked = {lo + rng.randrange(hi - lo) for _ in range(2 * K)}
            cand = list(picked)
        else:
            cand = list(range(lo, hi)) + self.nearest(target, K + 1)
        cand = sorted({i for i in cand if i != j}, key=lambda i: distance(self.ids[i], target))
        return cand[:K]

    def compact(self, nodes):
        out = b""
        for i in nodes:
            try:
                self.bind(i)
            except OSError:                          # out of descriptors: that node stays unknown
                continue
            out += self.ids[i] + socket.inet_aton(self.address(i)) + struct.pack(">H", self.port)
        return out

    def answer(self, j, msg, src):
        y = msg.get(b"y")
        if y == b"r" or y == b"e":
            self.answers_to_background += 1
            return None
        t = msg.get(b"t", b"")
        q = msg.get(b"q", b"")
        a = msg.get(b"a")
        ip = socket.inet_aton(src[0]) + struct.pack(">H", src[1])
        if y != b"q" or not isinstance(a, dict) or not isinstance(a.get(b"id"), bytes):
            return {b"t": t, b"y": b"e", b"e": [203, b"malformed"], b"ip": ip}
        name = q.decode(errors="replace")
        self.queries[name] = self.queries.get(name, 0) + 1
        r = {b"id": self.ids[j]}
        if q == b"ping":
            pass
        elif q == b"find_node" and isinstance(a.get(b"target"), bytes) and len(a[b"target"]) == 20:
            r[b"nodes"] = self.compact(self.known_near(j, a[b"target"]))
        elif q == b"get_peers" and isinstance(a.get(b"info_hash"), bytes) and len(a[b"info_hash"]) == 20:
            ih = a[b"info_hash"]
            r[b"nodes"] = self.compact(self.known_near(j, ih))
            r[b"token"] = struct.pack(">I", j)
            peers = self.stored.get(j, {}).get(ih)
            if peers:
                r[b"values"] = [socket.inet_aton(p[0]) + struct.pack(">H", p[1]) for p in list(peers)[:50]]
        elif q == b"announce_peer" and isinstance(a.get(b"info_hash"), bytes) and len(a[b"info_hash"]) == 20:
            port = src[1] if a.get(b"implied_port") == 1 else a.get(b"port")
            if not isinstance(port, int) or not 0 < port < 65536:
                return {b"t": t, b"y": b"e", b"e": [203, b"bad port"], b"ip": ip}
            peers = self.stored.setdefault(j, {}).setdefault(a[b"info_hash"], set())
            if len(peers) < MAX_PEERS:
                peers.add((src[0], port))
        else:
            return {b"t": t, b"y": b"e", b"e": [204, b"method unknown"], b"ip": ip}
        return {b"t": t, b"y": b"r", b"r": r, b"ip": ip}

    def receive(self, fd):
        j = self.by_fd[fd]
        s = self.sockets[j]
        while True:
            try:
                data, src = s.recvfrom(2048)
            except BlockingIOError:
                return
            try:
                msg = lt.bdecode(data)
            except RuntimeError:
                msg = None
            if not isinstance(msg, dict):
                continue
            reply = self.answer(j, msg, src)
            if reply is not None:
                try:
                    s.sendto(lt.bencode(reply), src)
                except OSError:
                    pass

    def keep(self, port):
        for per_node in self.stored.values():
            for ih in list(per_node):
                per_node[ih] = {p for p in per_node[ih] if p[1] == port}
                if not per_node[ih]:
                    del per_node[ih]

    def background(self, now):
        for target in self.targets:
            address, rate, due = target
            while rate > 0 and due <= now:
                j = random.choice(list(self.sockets))
                kind = random.choice((b"ping", b"find_node", b"get_peers"))
                a = {b"id": self.ids[j]}
                if kind == b"find_node":
                    a[b"target"] = random.getrandbits(160).to_bytes(20, "big")
                elif kind == b"get_peers":
                    a[b"info_hash"] = random.getrandbits(160).to_bytes(20, "big")
                msg = {b"t": os.urandom(2), b"y": b"q", b"q": kind, b"a": a}
                try:
                    self.sockets[j].sendto(lt.bencode(msg), address)
                    self.sent_background += 1
                except OSError:
                    pass
                due += 1.0 / rate
            target[2] = due

    def status(self):
        stored = {}
        for per_node in self.stored.values():
            for ih, peers in per_node.items():
                stored[ih.hex()] = stored.get(ih.hex(), 0) + len(peers)
        return {"bound": len(self.sockets), "queries": self.queries, "stored": stored,
                "sent_background": self.sent_background, "answers_to_background": self.answers_to_background}


def control(net, line):
    words = line.split()
    if len(words) == 2 and words[0] == "keep":
        net.keep(int(words[1]))
    elif len(words) == 3 and words[0] == "query":
        host, port = words[1].rsplit(":", 1)
        net.targets.append([(host, int(port)), float(words[2]), time.monotonic()])
    elif words:
        print("dht_net: unknown control line: %s" % line.strip()[:100], file=sys.stderr, flush=True)


def main():
    size, status_file = int(sys.argv[1]), sys.argv[2]
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)   # a socket per node heard of: ~17,000 in a run
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:   # a port free on 127.0.0.1 says little
        probe.bind(("127.1.0.0", 0))                                  # about 127.1.x.y; ask there
        port = probe.getsockname()[1]
    net = Network(size, port)
    router = random.Random(7).randrange(size)
    net.bind(router)
    print("%s:%d" % (net.address(router), port), flush=True)
    stdin = sys.stdin.fileno()
    net.poll.register(stdin, select.EPOLLIN)
    pending = b""
    next_status = 0.0
    while True:
        for fd, _ in net.poll.poll(0.05):
            if fd == stdin:
                chunk = os.read(stdin, 4096)
                if not chunk:
                    return 0
                pending += chunk
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    control(net, line.decode(errors="replace"))
            else:
                net.receive(fd)
        now = time.monotonic()
        net.background(now)
        if now >= next_status:
            next_status = now + 1.0
            with open(status_file + ".tmp", "w") as f:
                json.dump(net.status(), f)
            os.replace(status_file + ".tmp", status_file)


if __name__ == "__main__":
    sys.exit(main())
