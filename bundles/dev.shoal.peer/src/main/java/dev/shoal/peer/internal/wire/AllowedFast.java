package dev.shoal.peer.internal.wire;

/** BEP 6: we may request {@code piece} from the sender even while choked. */
public record AllowedFast(int piece) implements PeerMessage {

    public AllowedFast {
        Checks.nonNegative("piece index", piece);
    }
}
