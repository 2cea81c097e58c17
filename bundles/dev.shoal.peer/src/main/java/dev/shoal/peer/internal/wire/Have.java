package dev.shoal.peer.internal.wire;

/** The sender has completed and checked {@code piece}. */
public record Have(int piece) implements PeerMessage {

    public Have {
        Checks.nonNegative("piece index", piece);
    }
}
