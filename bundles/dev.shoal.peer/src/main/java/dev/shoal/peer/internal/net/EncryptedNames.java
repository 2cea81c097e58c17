package dev.shoal.peer.internal.net;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.mse.SkeyLookup;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The acceptor's torrents by HASH('req2', info-hash), so that an encrypted handshake finds its
 * torrent with one hash and one look-up, however many torrents we serve.
 */
final class EncryptedNames implements SkeyLookup {

    /** The wire's info-hash: 20 bytes (a v2 hash truncated, as in the BitTorrent handshake). */
    private static final int SKEY_LENGTH = 20;
    private final Map<ByteBuffer, byte[]> byReq2 = new ConcurrentHashMap<>();

    void add(InfoHash infoHash) {
        byte[] skey = skey(infoHash);
        byReq2.put(ByteBuffer.wrap(SkeyLookup.req2(skey)), skey);
    }

    void remove(InfoHash infoHash) {
        byReq2.remove(ByteBuffer.wrap(SkeyLookup.req2(skey(infoHash))));
    }

    @Override
    public byte[] skeyOf(byte[] req2) {
        return byReq2.get(ByteBuffer.wrap(req2));
    }

    private static byte[] skey(InfoHash infoHash) {
        return Arrays.copyOf(infoHash.bytes(), SKEY_LENGTH);
    }
}
