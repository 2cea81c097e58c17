package dev.shoal.peer.internal.wire;

import dev.shoal.metainfo.InfoHash;
import java.util.Objects;

/**
 * The first 68 bytes each side sends: 19, "BitTorrent protocol", the reserved bytes, the 20-byte
 * info-hash (a v2 hash truncated, BEP 52) and the peer id.
 */
public record Handshake(Reserved reserved, InfoHash infoHash, PeerId peerId) {

    public static final String PROTOCOL = "BitTorrent protocol";
    public static final int LENGTH = 1 + 19 + Reserved.LENGTH + InfoHash.V1_LENGTH + PeerId.LENGTH;

    public Handshake {
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(peerId, "peerId");
        if (infoHash.bytes().length != InfoHash.V1_LENGTH) {
            throw new IllegalArgumentException("the handshake carries a 20-byte info-hash; truncate v2 hashes");
        }
    }
}
