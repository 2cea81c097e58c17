package dev.shoal.peer.internal.wire;

import java.util.Arrays;

/**
 * BEP 10: an extension message passed through unread. Id 0 is the extension handshake; other ids
 * are whatever the two sides agreed in theirs.
 *
 * @param id      the extended message id, 0 to 255
 * @param payload the bencoded dictionary and anything after it (copied in and out)
 */
public record Extended(int id, byte[] payload) implements PeerMessage {

    public Extended {
        if (id < 0 || id > 0xFF) {
            throw new IllegalArgumentException("an extended message id is 0 to 255, not " + id);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extended other && id == other.id && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Extended[id=" + id + ", " + payload.length + " bytes]";
    }
}
