package dev.shoal.lsd.internal;

import dev.shoal.metainfo.InfoHash;
import java.util.List;

/**
 * One BEP 14 announce as heard: the peer's BitTorrent port, the torrents it takes part in (20-byte
 * hashes, distinct, in the order sent) and its cookie (null when it sent none).
 */
record Announcement(int port, List<InfoHash> infoHashes, String cookie) {

    Announcement {
        infoHashes = List.copyOf(infoHashes);
    }
}
