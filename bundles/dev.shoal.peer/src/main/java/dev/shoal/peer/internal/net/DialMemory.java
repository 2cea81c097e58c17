package dev.shoal.peer.internal.net;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which peers answered only in plaintext, under {@code prefer}: they are dialled in plaintext at
 * once next time instead of waiting for an encrypted handshake to fail again. Bounded: the least
 * recently dialled are forgotten first (and simply tried encrypted again). Thread-safe.
 */
final class DialMemory {

    private final Map<InetSocketAddress, Boolean> plaintextOnly;

    DialMemory(int capacity) {
        plaintextOnly = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean plaintextOnly(InetSocketAddress peer) {
        return Boolean.TRUE.equals(plaintextOnly.get(peer));
    }

    /** What worked with {@code peer}: an encrypted handshake or only plaintext. */
    synchronized void worked(InetSocketAddress peer, boolean encrypted) {
        plaintextOnly.put(peer, !encrypted);
    }

    synchronized int size() {
        return plaintextOnly.size();
    }

    synchronized int encryptedPeers() {
        return (int) plaintextOnly.values().stream().filter(only -> !only).count();
    }
}
