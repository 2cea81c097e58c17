package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.wire.AllowedFast;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Choke;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.HaveAll;
import dev.shoal.peer.internal.wire.HaveNone;
import dev.shoal.peer.internal.wire.Interested;
import dev.shoal.peer.internal.wire.NotInterested;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Unchoke;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a peer told us of its pieces and its choking while only the metadata was being fetched, when
 * the piece count was unknown and the swarm did not exist: its bitfield (or have-all, have-none),
 * its haves, whether it unchoked us or is interested, and its allowed-fast pieces. Kept collapsed,
 * so that it is bounded whatever the peer sends: a bitfield and haves make one set of at most
 * {@code maxPieces} bits (what the largest bitfield frame can name), at most {@link #MAX_ALLOWED_FAST}
 * allowed-fast pieces. {@link #replay} makes the messages that tell the swarm the same, checked
 * against the piece count now known. Not thread-safe: its owner's lock guards it.
 */
final class HeardPieces {

    /** libtorrent offers 10 allowed-fast pieces; more than this is not worth keeping. */
    static final int MAX_ALLOWED_FAST = 64;

    private final int maxPieces;
    private final BitSet has = new BitSet();
    private final Set<Integer> allowedFast = new LinkedHashSet<>();
    private boolean sawPieces;
    private boolean haveAll;
    private boolean haveNone;
    private boolean unchokedUs;
    private boolean interested;
    /** The first piece it named that no torrent we could take has, or -1. */
    private int outOfRange = -1;

    HeardPieces(int maxPieces) {
        this.maxPieces = maxPieces;
    }

    /** Takes in one message; those that say nothing of pieces or choking are for others (or ignored). */
    void hear(PeerMessage message) {
        if (message instanceof Bitfield bitfield) {
            sawPieces = true;
            int bits = Math.min(bitfield.byteLength() * 8, maxPieces);
            for (int piece = 0; piece < bits; piece++) {
                if (bitfield.has(piece)) {
                    has.set(piece);
                }
            }
        } else if (message instanceof HaveAll) {
            sawPieces = true;
            haveAll = true;
        } else if (message instanceof HaveNone) {
            sawPieces = true;
            haveNone = true;
        } else if (message instanceof Have have) {
            piece(have.piece(), () -> has.set(have.piece()));
        } else if (message instanceof AllowedFast allowed) {
            piece(allowed.piece(), () -> {
                if (allowedFast.size() < MAX_ALLOWED_FAST) {
                    allowedFast.add(allowed.piece());
                }
            });
        } else if (message instanceof Choke || message instanceof Unchoke) {
            unchokedUs = message instanceof Unchoke;
        } else if (message instanceof Interested || message instanceof NotInterested) {
            interested = message instanceof Interested;
        }
    }

    private void piece(int piece, Runnable keep) {
        if (piece >= 0 && piece < maxPieces) {
            keep.run();
        } else if (outOfRange < 0) {
            outOfRange = piece;
        }
    }

    /**
     * The messages that tell a swarm of {@code pieceCount} pieces what the peer said, in an order the
     * protocol allows (its pieces first); null when it said something no torrent of that many pieces
     * allows (then {@link #problem} says what).
     */
    List<PeerMessage> replay(int pieceCount) {
        if (problem(pieceCount) != null) {
            return null;
        }
        List<PeerMessage> out = new ArrayList<>();
        if (haveAll) {
            out.add(new HaveAll());
        } else if (haveNone && has.isEmpty()) {
            out.add(new HaveNone());
        } else if (sawPieces || !has.isEmpty()) {
            byte[] bits = new byte[(pieceCount + 7) / 8];
            for (int piece = has.nextSetBit(0); piece >= 0; piece = has.nextSetBit(piece + 1)) {
                bits[piece >>> 3] |= (byte) (0x80 >>> (piece & 7));
            }
            out.add(new Bitfield(bits));
        }
        allowedFast.forEach(piece -> out.add(new AllowedFast(piece)));
        if (unchokedUs) {
            out.add(new Unchoke());
        }
        if (interested) {
            out.add(new Interested());
        }
        return out;
    }

    /** Why what it said cannot be of a torrent of {@code pieceCount} pieces, or null. */
    String problem(int pieceCount) {
        if (outOfRange >= 0) {
            return "it named piece " + outOfRange + " before the metadata came";
        }
        if (has.length() > pieceCount) {
            return "it claimed piece " + (has.length() - 1) + " of a torrent of " + pieceCount + " pieces";
        }
        for (int piece : allowedFast) {
            if (piece >= pieceCount) {
                return "it allowed us piece " + piece + " of a torrent of " + pieceCount + " pieces";
            }
        }
        return null;
    }
}
