package dev.shoal.peer.internal.metadata;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.extension.ExtensionPeer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The info dictionary being put together from 16 KiB pieces: which are here, who sent each (to
 * blame on a hash failure), which are asked for and since when. Its size was checked against the cap
 * before this was made, so the buffer is bounded.
 */
final class MetadataPieces {

    private final long size;
    private final byte[] buffer;
    private final int count;
    private final BitSet here = new BitSet();
    private final ExtensionPeer[] senders;
    /** When each piece was last asked for while missing; 0 when nobody is asked now. */
    private final long[] askedAt;

    MetadataPieces(long size) {
        this.size = size;
        this.buffer = new byte[(int) size];
        this.count = MetadataMessage.pieceCount(size);
        this.senders = new ExtensionPeer[count];
        this.askedAt = new long[count];
    }

    long size() {
        return size;
    }

    int count() {
        return count;
    }

    boolean has(int piece) {
        return here.get(piece);
    }

    boolean complete() {
        return here.cardinality() == count;
    }

    /**
     * The next piece to ask {@code exceptThese} a peer has outstanding aside: a missing one nobody is
     * asked for, else one asked for at least {@code reaskMillis} ago; -1 when there is none.
     */
    int next(Set<Integer> exceptThese, long nowMillis, long reaskMillis) {
        int stale = -1;
        for (int piece = here.nextClearBit(0); piece < count; piece = here.nextClearBit(piece + 1)) {
            if (exceptThese.contains(piece)) {
                continue;
            }
            if (askedAt[piece] == 0) {
                return piece;
            }
            if (stale < 0 && nowMillis - askedAt[piece] >= reaskMillis) {
                stale = piece;
            }
        }
        return stale;
    }

    void asked(int piece, long nowMillis) {
        askedAt[piece] = Math.max(1, nowMillis);
    }

    /** Nobody is asked for it any more (a reject, a time-out, a peer gone). */
    void released(int piece) {
        if (!here.get(piece)) {
            askedAt[piece] = 0;
        }
    }

    /** Takes a piece whose length the caller checked; false when it was already here. */
    boolean put(int piece, byte[] data, ExtensionPeer sender) {
        if (here.get(piece)) {
            return false;
        }
        System.arraycopy(data, 0, buffer, piece * MetadataMessage.PIECE_LENGTH, data.length);
        here.set(piece);
        senders[piece] = sender;
        return true;
    }

    /** The peers that sent any piece: all suspects once the whole fails its hash. */
    Set<ExtensionPeer> senders() {
        Set<ExtensionPeer> all = new LinkedHashSet<>();
        for (ExtensionPeer sender : senders) {
            if (sender != null) {
                all.add(sender);
            }
        }
        return all;
    }

    /** True when the whole hashes to {@code infoHash}: SHA-1 for a v1 hash, SHA-256 for v2. */
    boolean matches(InfoHash infoHash) {
        String algorithm = infoHash.bytes().length == InfoHash.V1_LENGTH ? "SHA-1" : "SHA-256";
        try {
            return Arrays.equals(MessageDigest.getInstance(algorithm).digest(buffer), infoHash.bytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /** The assembled bytes (a copy). */
    byte[] bytes() {
        return buffer.clone();
    }

    @Override
    public String toString() {
        return "metadata[" + here.cardinality() + "/" + count + " pieces of " + Objects.toString(size) + " bytes]";
    }
}
