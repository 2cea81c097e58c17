"""Reads a .torrent with libtorrent and, given a save path, checks the data there against it.

Usage: lt_check.py TORRENT SAVE_PATH|- TIMEOUT_SECONDS. Prints one JSON object on stdout.
"""
import json
import sys
import time

import libtorrent as lt

torrent, save_path, limit = sys.argv[1], sys.argv[2], float(sys.argv[3])
ti = lt.torrent_info(torrent)
fs = ti.files()
v1 = str(ti.info_hashes().v1) if hasattr(ti, "info_hashes") else str(ti.info_hash())
out = {
    "infoHashV1": v1,
    "name": ti.name(),
    "totalSize": ti.total_size(),
    "pieceLength": ti.piece_length(),
    "numPieces": ti.num_pieces(),
    "private": ti.priv(),
    "comment": ti.comment(),
    "trackers": [t.url for t in ti.trackers()],
    "webSeeds": [w["url"] for w in ti.web_seeds()],
    "files": [{"path": fs.file_path(i), "size": fs.file_size(i)} for i in range(fs.num_files())],
}
if save_path != "-":
    cat = lt.alert.category_t
    ses = lt.session({
        "listen_interfaces": "127.0.0.1:0",
        "enable_dht": False, "enable_lsd": False, "enable_upnp": False, "enable_natpmp": False,
        "alert_mask": cat.status_notification | cat.error_notification | cat.storage_notification,
    })
    params = lt.add_torrent_params()
    params.ti = ti
    params.save_path = save_path
    # Only check: never request pieces, so nothing is ever written under save_path.
    params.flags |= lt.torrent_flags.upload_mode
    handle = ses.add_torrent(params)
    deadline = time.monotonic() + limit
    checked = False
    errors = []
    while not checked and time.monotonic() < deadline:
        ses.wait_for_alert(200)
        for alert in ses.pop_alerts():
            if isinstance(alert, lt.torrent_checked_alert):
                checked = True
            elif isinstance(alert, (lt.file_error_alert, lt.torrent_error_alert)):
                # Disk and torrent errors only: the trackers (127.0.0.1, nothing listening) and
                # web seeds are expected to fail and say nothing about the data.
                errors.append(alert.message())
    status = handle.status()
    out.update({"checked": checked, "state": str(status.state), "havePieces": status.num_pieces,
                "errors": errors})
    ses.remove_torrent(handle)
print(json.dumps(out))
