package dev.shoal.peer.internal.handler;

import dev.shoal.metainfo.InfoHash;
import java.util.Objects;

/**
 * A torrent we take part in, as the wire layer needs it: its 20-byte info-hash (v2 truncated),
 * its piece count (to bound bitfields and indices) and who hears from its peers.
 */
public record LocalTorrent(InfoHash infoHash, int pieceCount, PeerListener listener) {

    public LocalTorrent {
        infoHash = infoHash.truncated();
        if (pieceCount < 0) {
            throw new IllegalArgumentException("piece count must not be negative: " + pieceCount);
        }
        Objects.requireNonNull(listener, "listener");
    }
}
