package dev.shoal.peer.internal.picker;

/** One request's worth of a piece: 16 KiB, or less at the end of a piece. */
public record Block(int piece, int offset, int length) {

    public Block {
        if (piece < 0 || offset < 0 || length <= 0) {
            throw new IllegalArgumentException("bad block " + piece + "/" + offset + "+" + length);
        }
    }

    int index() {
        return offset / PiecePicker.BLOCK_SIZE;
    }
}
