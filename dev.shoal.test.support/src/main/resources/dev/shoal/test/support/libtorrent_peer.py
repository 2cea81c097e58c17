"""One libtorrent peer for one torrent, driven by dev.shoal.test.support.LibtorrentPeer.

Run by Debian's /usr/bin/python3 (only it sees python3-libtorrent). Everything stays on 127.0.0.1
(or ::1 with --host ::1):
DHT, LSD, UPnP, NAT-PMP and uTP are off, so a test talks plain TCP to exactly the peers it names.

Prints one line per event on stdout, flushed at once, for Java to follow:
  listening <port>                  the TCP listen socket is up
  status key=value ...              every --interval seconds (see print_status)
  peers <ip:port client src=a+b>,... when the set of connected peers changes (src: tracker, pex, incoming...)
  alert <type> <message>            errors, hash failures, peer connects and disconnects
  blocks epoch=<n> ...              the answer to "blocks" (with --count-blocks, see BlockCounter)
Reads commands on stdin: "connect <ip> <port>", "upload_limit <bytes/s, 0 = none>", "epoch", "blocks",
"quit". End of stdin means quit,
so the peer never outlives the JVM that started it.
"""
import argparse
import queue
import sys
import threading
import time

import libtorrent as lt


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--torrent", required=True)
    parser.add_argument("--magnet", help="start from this magnet link instead: the metadata comes from peers")
    parser.add_argument("--dir", required=True, help="save path: the data is (seed) or goes (leecher) here")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1", help="the loopback address to listen and dial on")
    parser.add_argument("--role", choices=("seed", "leecher"), required=True)
    parser.add_argument("--upload-limit", type=int, default=0, help="bytes/s, 0 = none")
    parser.add_argument("--download-limit", type=int, default=0, help="bytes/s, 0 = none")
    parser.add_argument("--connect", action="append", default=[], help="ip:port to dial at start")
    parser.add_argument("--interval", type=float, default=0.2)
    parser.add_argument("--dht-bootstrap", help="host:port: turn the DHT on, on loopback, joining through this node")
    parser.add_argument("--encryption", choices=("forced", "disabled"),
                        help="MSE/PE forced both ways with RC4 only (plaintext peers refused), or disabled "
                        "both ways (encrypted handshakes refused)")
    parser.add_argument("--count-blocks", action="store_true",
                        help="count every block uploaded, to tell which were sent more than once")
    return parser.parse_args()


OUTPUT = threading.Lock()


def emit(line):
    with OUTPUT:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def make_session(args):
    settings = lt.high_performance_seed() if args.role == "seed" else lt.default_settings()
    settings.update({
        "listen_interfaces": ("[%s]:%d" if ":" in args.host else "%s:%d") % (args.host, args.port),
        # The port or nothing: by default libtorrent quietly takes one of the next ten, or any.
        "max_retry_port_bind": 0,
        "listen_system_port_fallback": False,
        "outgoing_interfaces": args.host,
        "enable_dht": False,
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        "enable_incoming_utp": False,
        "enable_outgoing_utp": False,
        "allow_multiple_connections_per_ip": True,
        # Dial in plaintext: a peer without MSE (BEP 8 obfuscation) would cost a failed attempt first.
        "out_enc_policy": int(lt.enc_policy.pe_disabled),
        "upload_rate_limit": args.upload_limit,
        "download_rate_limit": args.download_limit,
        "alert_mask": lt.alert.category_t.error_notification
        | lt.alert.category_t.status_notification
        | lt.alert.category_t.storage_notification
        | lt.alert.category_t.tracker_notification
        | lt.alert.category_t.connect_notification
        | lt.alert.category_t.peer_notification
        | (lt.alert.category_t.upload_notification if args.count_blocks else 0),
    })
    if args.encryption == "forced":
        settings.update({
            "out_enc_policy": int(lt.enc_policy.pe_forced),
            "in_enc_policy": int(lt.enc_policy.pe_forced),
            "allowed_enc_level": int(lt.enc_level.pe_rc4),
        })
    elif args.encryption == "disabled":
        settings.update({
            "out_enc_policy": int(lt.enc_policy.pe_disabled),
            "in_enc_policy": int(lt.enc_policy.pe_disabled),
        })
    if args.count_blocks:
        # One alert per block sent: the default queue of 2000 would drop some between two polls.
        settings["alert_queue_size"] = 200000
        # A block counts as sent once it is in the send buffer, which a seed fills megabytes ahead:
        # kept to a few blocks, what the counts call sent is what left (or was about to) for the peer.
        settings["send_buffer_watermark"] = 128 * 1024
        settings["send_buffer_low_watermark"] = 32 * 1024
        settings["send_buffer_watermark_factor"] = 10
    if args.dht_bootstrap:
        # Loopback DHT nodes are dropped unless the one-node-per-IP rules are off.
        settings.update({
            "enable_dht": True,
            "dht_bootstrap_nodes": args.dht_bootstrap,
            "dht_restrict_routing_ips": False,
            "dht_restrict_search_ips": False,
            # A torrent's first DHT lookup may go out before the DHT has a node (a magnet leecher
            # starts at once): look again every few seconds instead of libtorrent's 15 minutes.
            "dht_announce_interval": 5,
        })
    session = lt.session(settings)
    if args.upload_limit or args.download_limit:
        # Loopback peers sit in the "local" class, which the global limits do not reach: put every
        # address in the global class so the limits apply on 127.0.0.1 too.
        everyone = lt.ip_filter()
        everyone.add_rule("0.0.0.0", "255.255.255.255", 1 << lt.session.global_peer_class_id)
        everyone.add_rule("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 1 << lt.session.global_peer_class_id)
        session.set_peer_class_filter(everyone)
    return session


def add_torrent(session, args):
    if args.magnet:
        params = lt.parse_magnet_uri(args.magnet)
    else:
        params = lt.add_torrent_params()
        params.ti = lt.torrent_info(args.torrent)
    params.save_path = args.dir
    # Not auto-managed: the torrent checks and starts now, never queued behind anything.
    params.flags &= ~(lt.torrent_flags.auto_managed | lt.torrent_flags.paused)
    return session.add_torrent(params)


def connect(handle, address):
    host, _, port = address.rpartition(":")
    handle.connect_peer((host.strip("[]"), int(port)))
    emit("alert connect_request dialling %s" % address)


class BlockCounter:
    """Which blocks were uploaded in which epoch, so that a block sent again is told apart.

    Blocks are numbered through the torrent (piece * blocks per piece + block) in the list of each
    epoch's refetched blocks. The driver starts a new epoch ("epoch") whenever the leecher it serves was killed: a block sent in
    a later epoch than its previous copy was fetched again because of the kill that ended that
    epoch, and counts as refetched against it. A block sent twice within one epoch (end game, a
    piece that failed its hash) counts as a repeat.
    """

    def __init__(self, info):
        self.info = info
        self.epoch = 0
        self.last_epoch = {}
        self.uploaded = 0
        self.refetched = {}
        self.pieces = {}
        self.blocks = {}
        self.per_piece = info.piece_length() // 16384
        self.repeats = 0

    def block(self, piece, index):
        size = min(16384, self.info.piece_size(piece) - index * 16384)
        self.uploaded += size
        before = self.last_epoch.get((piece, index))
        if before is not None and before < self.epoch:
            self.refetched[before] = self.refetched.get(before, 0) + size
            self.pieces.setdefault(before, set()).add(piece)
            self.blocks.setdefault(before, []).append(piece * self.per_piece + index)
        elif before is not None:
            self.repeats += size
        self.last_epoch[(piece, index)] = self.epoch

    def report(self):
        return "blocks epoch=%d uploaded=%d repeats=%d refetched=%s pieces=%s list=%s" % (
            self.epoch, self.uploaded, self.repeats,
            ",".join("%d:%d" % (e, self.refetched.get(e, 0)) for e in range(self.epoch)),
            ",".join("%d:%d" % (e, len(self.pieces.get(e, ()))) for e in range(self.epoch)),
            ",".join("%d:%s" % (e, ";".join(str(b) for b in sorted(self.blocks.get(e, ()))))
                     for e in range(self.epoch)))


def read_commands(commands, stop):
    for line in sys.stdin:
        words = line.split()
        if words[:1] == ["quit"]:
            break
        if words:
            commands.put(words)
    stop.set()


def run_command(words, session, handle, counter):
    if words[0] == "connect" and len(words) == 3:
        connect(handle, "%s:%s" % (words[1], words[2]))
    elif words[0] == "upload_limit" and len(words) == 2 and words[1].isdigit():
        # Reaches loopback peers only if the peer started with a limit (see make_session).
        session.apply_settings({"upload_rate_limit": int(words[1])})
    elif words == ["epoch"] and counter:
        counter.epoch += 1
        emit("epoch %d" % counter.epoch)
    elif words == ["blocks"] and counter:
        emit(counter.report())
    else:
        emit("alert bad_command %s" % " ".join(words))


STATES = {
    lt.torrent_status.checking_files: "checking",
    lt.torrent_status.downloading_metadata: "metadata",
    lt.torrent_status.downloading: "downloading",
    lt.torrent_status.finished: "finished",
    lt.torrent_status.seeding: "seeding",
    lt.torrent_status.checking_resume_data: "checking",
}


CHECKING = (lt.torrent_status.checking_files, lt.torrent_status.checking_resume_data)


SOURCES = (("tracker", 0x1), ("dht", 0x2), ("pex", 0x4), ("lsd", 0x8), ("resume", 0x10), ("incoming", 0x20))


def sources(mask):
    """How libtorrent learned of a peer (peer_info.source), e.g. "pex+incoming"."""
    return "+".join(name for name, bit in SOURCES if mask & bit) or "none"


def print_status(status, hash_failures):
    error = status.errc.message() if status.errc.value() else ""
    emit("status state=%s progress=%.6f done=%d wanted=%d uploaded=%d downloaded=%d peers=%d seeds=%d "
         "failed=%d hashfails=%d redundant=%d up_rate=%d down_rate=%d error=%s" % (
             STATES.get(status.state, str(status.state)), status.progress, status.total_wanted_done,
             status.total_wanted, status.total_payload_upload, status.total_payload_download,
             status.num_peers, status.num_seeds, status.total_failed_bytes, hash_failures,
             status.total_redundant_bytes, status.upload_payload_rate, status.download_payload_rate,
             error.replace(" ", "_")))


def main():
    args = parse_args()
    session = make_session(args)
    handle = add_torrent(session, args)
    stop = threading.Event()
    commands = queue.Queue()
    counter = BlockCounter(handle.torrent_file()) if args.count_blocks else None
    threading.Thread(target=read_commands, args=(commands, stop), daemon=True).start()
    hash_failures = 0
    dialled = False
    listening = False
    last_peers = None
    while not stop.is_set():
        for alert in session.pop_alerts():
            kind = type(alert).__name__
            if kind == "listen_succeeded_alert" and alert.socket_type == lt.socket_type_t.tcp:
                listening = True
                emit("listening %d" % alert.port)
            elif kind == "listen_failed_alert" and alert.socket_type == lt.socket_type_t.tcp:
                emit("alert %s %s" % (kind, alert.message()))
                sys.exit(2)
            elif kind == "hash_failed_alert":
                hash_failures += 1
            elif kind == "block_uploaded_alert" and counter:
                counter.block(alert.piece_index, alert.block_index)
                continue
            if kind not in ("state_update_alert", "stats_alert", "piece_finished_alert", "block_finished_alert"):
                emit("alert %s %s" % (kind, alert.message().replace("\n", " ")))
        # After the alerts: a command sees every block sent before it was read.
        while not commands.empty():
            run_command(commands.get(), session, handle, counter)
        if listening and not dialled and handle.status().state not in CHECKING:
            # Dial once the data is checked, so a seed offers its pieces in the first bitfield.
            dialled = True
            for address in args.connect:
                connect(handle, address)
        status = handle.status()
        print_status(status, hash_failures)
        peers = sorted("%s:%d %s src=%s" % (p.ip[0], p.ip[1], p.client.decode("utf-8", "replace").replace(",", ";"),
                                            sources(p.source))
                       for p in handle.get_peer_info())
        if peers != last_peers:
            last_peers = peers
            emit("peers " + ",".join(peers))
        stop.wait(args.interval)
    session.pause()
    emit("quit")


if __name__ == "__main__":
    main()
