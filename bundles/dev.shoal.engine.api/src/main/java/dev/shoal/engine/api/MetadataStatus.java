package dev.shoal.engine.api;

/**
 * How far the fetch of a magnet link's info dictionary came (BEP 9).
 *
 * @param bytesReceived metadata bytes received so far (counted again when a bad copy starts over)
 * @param size          the info dictionary's size once a peer told it, else -1
 * @param peersOffering peers connected now that offer the metadata
 * @since 2.0
 */
public record MetadataStatus(long bytesReceived, long size, int peersOffering) {

    /** Received share, 0..1; 0 while the size is unknown. */
    public double progress() {
        return size <= 0 ? 0.0 : Math.min(1.0, (double) bytesReceived / size);
    }
}
