package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.wire.PeerId;

/** A peer's client as its peer id tells, in the common Azureus style {@code -XXvvvv-}. */
final class ClientNames {

    private ClientNames() {
    }

    static String of(PeerId id) {
        byte[] bytes = id.bytes();
        if (bytes[0] == '-' && bytes[7] == '-') {
            for (int i = 1; i < 7; i++) {
                if (bytes[i] < 0x20 || bytes[i] > 0x7e) {
                    return "unknown";
                }
            }
            return new String(bytes, 0, 8, java.nio.charset.StandardCharsets.US_ASCII);
        }
        return "unknown";
    }
}
