package dev.shoal.bencode;

/**
 * Bounds that keep hostile input from exhausting the stack or memory.
 *
 * @param maxInputBytes largest input accepted at all
 * @param maxDepth      deepest nesting of lists and dictionaries
 * @param maxStringBytes longest single string
 * @param maxValues     most values (of any kind) in one input; bounds object count
 */
public record DecoderLimits(int maxInputBytes, int maxDepth, int maxStringBytes, int maxValues) {

    /** Recursion in the decoder is bounded by this, whatever a configuration asks for. */
    public static final int DEPTH_CEILING = 1024;

    /**
     * Generous for torrents: 64 MiB of bencode, nested 256 deep (BEP 52 file trees nest one level
     * per directory), 4 million values (a v1 file costs about 7, so over half a million files).
     * The value bound is what caps memory: each value costs some tens of bytes of heap, so hostile
     * input made of empty lists stays near 200 MiB at worst instead of growing with the input.
     */
    public static final DecoderLimits DEFAULT = new DecoderLimits(64 << 20, 256, 64 << 20, 4_000_000);

    public DecoderLimits {
        if (maxInputBytes < 1 || maxStringBytes < 0 || maxValues < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (maxDepth < 1 || maxDepth > DEPTH_CEILING) {
            throw new IllegalArgumentException("maxDepth must be between 1 and " + DEPTH_CEILING);
        }
    }
}
