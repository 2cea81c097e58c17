"""Seeds one torrent with libtorrent on 127.0.0.1, for the interop test.

Usage: libtorrent_seed.py TORRENT SAVE_PATH
Prints "LISTENING <port>" once the data is checked and it is seeding, then serves until its stdin
closes, it is killed, or a safety limit passes (so a lost test cannot leave it running for long).
"""
import signal
import sys
import time

import libtorrent as lt

SAFETY_LIMIT_S = 120
CHECK_LIMIT_S = 30

signal.alarm(SAFETY_LIMIT_S)  # SIGALRM's default action ends the process

torrent_path, save_path = sys.argv[1], sys.argv[2]
session = lt.session({
    'listen_interfaces': '127.0.0.1:0',
    'outgoing_interfaces': '127.0.0.1',
    'enable_dht': False,
    'enable_lsd': False,
    'enable_upnp': False,
    'enable_natpmp': False,
    'allow_multiple_connections_per_ip': True,
    'enable_incoming_utp': False,
    'enable_outgoing_utp': False,
    'alert_mask': lt.alert.category_t.error_notification | lt.alert.category_t.peer_notification,
})
handle = session.add_torrent({'ti': lt.torrent_info(torrent_path), 'save_path': save_path})

deadline = time.time() + CHECK_LIMIT_S
while not handle.status().is_seeding:
    if time.time() > deadline:
        print('NOT SEEDING', handle.status().state, file=sys.stderr, flush=True)
        sys.exit(3)
    time.sleep(0.05)

print('LISTENING', session.listen_port(), flush=True)

# Block until the test closes our stdin; print libtorrent's view of the peers meanwhile to stderr.
sys.stdin.read()
for alert in session.pop_alerts():
    print(alert.message(), file=sys.stderr)
