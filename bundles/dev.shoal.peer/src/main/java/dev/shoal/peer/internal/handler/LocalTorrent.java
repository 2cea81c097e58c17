package dev.shoal.peer.internal.handler;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.codec.WireLimits;
import java.util.Objects;

/**
 * A torrent we take part in, as the wire layer needs it: its 20-byte info-hash (v2 truncated),
 * its piece count (to bound bitfields and indices; {@link WireLimits#UNKNOWN_PIECE_COUNT} while only
 * its metadata is being fetched) and who hears from its peers.
 */
public record LocalTorrent(InfoHash infoHash, int pieceCount, PeerListener listener) {

    public LocalTorrent {
        infoHash = infoHash.truncated();
        if (pieceCount < WireLimits.UNKNOWN_PIECE_COUNT) {
            throw new IllegalArgumentException("piece count must be -1 (unknown) or at least 0: " + pieceCount);
        }
        Objects.requireNonNull(listener, "listener");
    }
}
