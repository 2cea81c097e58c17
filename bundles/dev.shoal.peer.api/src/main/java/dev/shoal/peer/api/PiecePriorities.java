package dev.shoal.peer.api;

import java.util.Arrays;

/**
 * Which pieces of a torrent a swarm fetches, and which first. Immutable.
 */
public final class PiecePriorities {

    public static final byte SKIP = 0;
    public static final byte NORMAL = 1;
    public static final byte HIGH = 2;

    private final byte[] levels;

    private PiecePriorities(byte[] levels) {
        this.levels = levels;
    }

    /** Every piece of {@code pieceCount} wanted normally. */
    public static PiecePriorities normal(int pieceCount) {
        byte[] levels = new byte[pieceCount];
        Arrays.fill(levels, NORMAL);
        return new PiecePriorities(levels);
    }

    /** One level per piece: {@link #SKIP}, {@link #NORMAL} or {@link #HIGH}. */
    public static PiecePriorities of(byte[] levels) {
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] < SKIP || levels[i] > HIGH) {
                throw new IllegalArgumentException("piece " + i + ": no such priority " + levels[i]);
            }
        }
        return new PiecePriorities(levels.clone());
    }

    public int pieceCount() {
        return levels.length;
    }

    public byte level(int piece) {
        return levels[piece];
    }

    public boolean wanted(int piece) {
        return levels[piece] != SKIP;
    }

    /** True when no piece is skipped. */
    public boolean all() {
        for (byte level : levels) {
            if (level == SKIP) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PiecePriorities other && Arrays.equals(levels, other.levels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(levels);
    }

    @Override
    public String toString() {
        return "PiecePriorities[" + levels.length + " pieces]";
    }
}
