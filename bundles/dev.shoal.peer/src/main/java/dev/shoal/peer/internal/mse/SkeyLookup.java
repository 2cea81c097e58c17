package dev.shoal.peer.internal.mse;

/** Finds which of our torrents an encrypted handshake names, by HASH('req2', info-hash). */
@FunctionalInterface
public interface SkeyLookup {

    /** Nobody is served: every encrypted handshake names an unknown torrent. */
    SkeyLookup NONE = req2 -> null;

    /** The info-hash whose HASH('req2', info-hash) is {@code req2}, or null. */
    byte[] skeyOf(byte[] req2);

    /** HASH('req2', info-hash): the key under which a lookup finds {@code infoHash}. */
    static byte[] req2(byte[] infoHash) {
        return MseKeys.hash("req2", infoHash);
    }
}
