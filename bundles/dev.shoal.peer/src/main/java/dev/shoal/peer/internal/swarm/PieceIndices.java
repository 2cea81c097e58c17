package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.wire.AllowedFast;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Cancel;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.RejectRequest;
import dev.shoal.peer.internal.wire.Request;
import dev.shoal.peer.internal.wire.SuggestPiece;

/**
 * The wire's piece rules (an index below the piece count, a bitfield of exactly the torrent's size
 * with no spare bit set) for a message the wire decoded before it knew the piece count: one of a
 * connection a metadata fetch handed to the swarm, read just before the hand-over.
 */
final class PieceIndices {

    private PieceIndices() {
    }

    /** What {@code message} breaks for a torrent of {@code pieceCount} pieces, or null. */
    static String problem(PeerMessage message, int pieceCount) {
        if (message instanceof Bitfield bitfield) {
            int bytes = (pieceCount + 7) / 8;
            if (bitfield.byteLength() != bytes) {
                return "bitfield of " + bitfield.byteLength() + " bytes for " + pieceCount + " pieces";
            }
            for (int spare = pieceCount; spare < bytes * 8; spare++) {
                if (bitfield.has(spare)) {
                    return "bitfield has spare bits set after piece " + (pieceCount - 1);
                }
            }
            return null;
        }
        int piece = index(message);
        return piece >= pieceCount ? "piece index " + piece + " of a torrent of " + pieceCount + " pieces" : null;
    }

    private static int index(PeerMessage message) {
        if (message instanceof Have have) {
            return have.piece();
        } else if (message instanceof Request request) {
            return request.piece();
        } else if (message instanceof Cancel cancel) {
            return cancel.piece();
        } else if (message instanceof Piece piece) {
            return piece.piece();
        } else if (message instanceof RejectRequest reject) {
            return reject.piece();
        } else if (message instanceof AllowedFast allowed) {
            return allowed.piece();
        } else if (message instanceof SuggestPiece suggest) {
            return suggest.piece();
        }
        return -1;
    }
}
