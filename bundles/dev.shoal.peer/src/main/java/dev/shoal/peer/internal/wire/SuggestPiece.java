package dev.shoal.peer.internal.wire;

/** BEP 6: the sender suggests we download {@code piece} (it has it in cache). */
public record SuggestPiece(int piece) implements PeerMessage {

    public SuggestPiece {
        Checks.nonNegative("piece index", piece);
    }
}
