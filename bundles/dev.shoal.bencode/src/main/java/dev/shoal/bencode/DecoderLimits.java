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
     * Generous for torrents: a 64 MiB torrent with millions of files, nested 256 deep (BEP 52 file
     * trees nest one level per directory).
     */
    public static final DecoderLimits DEFAULT = new DecoderLimits(64 << 20, 256, 64 << 20, 8_000_000);

    public DecoderLimits {
        if (maxInputBytes < 1 || maxStringBytes < 0 || maxValues < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (maxDepth < 1 || maxDepth > DEPTH_CEILING) {
            throw new IllegalArgumentException("maxDepth must be between 1 and " + DEPTH_CEILING);
        }
    }
}
