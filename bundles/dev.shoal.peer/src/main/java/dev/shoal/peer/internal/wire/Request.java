package dev.shoal.peer.internal.wire;

/**
 * Asks for {@code length} bytes of {@code piece} from offset {@code begin}. Sizes beyond what a peer may ask are the codec's and the protocol's business, not this
 * record's: it only refuses what cannot be encoded.
 */
public record Request(int piece, int begin, int length) implements PeerMessage {

    public Request {
        Checks.nonNegative("piece index", piece);
        Checks.nonNegative("begin", begin);
        Checks.positive("length", length);
    }
}
