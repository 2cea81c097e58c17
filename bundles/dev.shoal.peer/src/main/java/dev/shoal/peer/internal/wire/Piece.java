package dev.shoal.peer.internal.wire;

import java.util.Arrays;

/**
 * A block of data: {@code block.length} bytes of {@code piece} from offset {@code begin}.
 *
 * @param block the data (copied in and out; a later slice may share buffers instead)
 */
public record Piece(int piece, int begin, byte[] block) implements PeerMessage {

    public Piece {
        Checks.nonNegative("piece index", piece);
        Checks.nonNegative("begin", begin);
        block = block.clone();
    }

    @Override
    public byte[] block() {
        return block.clone();
    }

    public int length() {
        return block.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Piece other && piece == other.piece && begin == other.begin
                && Arrays.equals(block, other.block);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * piece + begin) + Arrays.hashCode(block);
    }

    @Override
    public String toString() {
        return "Piece[piece=" + piece + ", begin=" + begin + ", " + block.length + " bytes]";
    }
}
